// A mail server for the tests of Beredd's reminder mail: the `smtp-server` npm package on a free
// port of 127.0.0.1, started as `node smtp-server.mjs CONFIG.json`. The configuration names the
// certificate and key (PEM files), the one user and password it accepts, and whether it speaks TLS
// from the first byte (`secure`) or offers STARTTLS (`hideStartTls` makes it not offer it).
// A login is required, and is only accepted once the connection is encrypted.
// It prints `SMTP_SERVER host:port` when it listens, then one `MAIL {json}` line per message.
import { readFileSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const server = new SMTPServer({
  secure: Boolean(config.secure),
  key: readFileSync(config.key),
  cert: readFileSync(config.cert),
  hideSTARTTLS: Boolean(config.hideStartTls),
  authMethods: ['PLAIN', 'LOGIN'],
  authOptional: false,
  allowInsecureAuth: false,
  logger: false,
  onAuth(auth, session, callback) {
    if (auth.username === config.user && auth.password === config.password) {
      return callback(null, { user: auth.username });
    }
    const err = new Error('Invalid username or password');
    err.responseCode = 535;
    return callback(err);
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const mail = {
        from: session.envelope.mailFrom && session.envelope.mailFrom.address,
        to: session.envelope.rcptTo.map((r) => r.address),
        user: session.user,
        encrypted: Boolean(session.secure),
        data: Buffer.concat(chunks).toString('utf8'),
      };
      process.stdout.write(`MAIL ${JSON.stringify(mail)}\n`);
      callback(null, 'Queued');
    });
  },
});
server.on('error', (e) => process.stderr.write(`smtp-server: ${e.message}\n`));
server.listen(0, '127.0.0.1', () => {
  const { address, port } = server.server.address();
  process.stdout.write(`SMTP_SERVER ${address}:${port}\n`);
});
