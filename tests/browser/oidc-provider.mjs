// A real OpenID Connect provider for Beredd's single sign-on tests (the `oidc-provider` package),
// on a free port of 127.0.0.1 only. Started by the Rust integration tests and the browser test:
//
//   node oidc-provider.mjs CONFIG.json
//
// CONFIG.json holds the one client and the users, and is read again at every request, so that a
// test can change a user's groups, block a user, or ask for a tampered ID token while it runs:
//
//   { "client": { "client_id": "beredd", "client_secret": "…", "redirect_uris": ["http://…/login/sso/callback"] },
//     "users": { "anna": { "password": "…", "name": "Anna Berg", "email": "…", "groups": ["…"], "blocked": false } },
//     "tamper": null }
//
// "tamper" is one of "payload" (a group added after signing: the signature no longer holds),
// "key" (signed by another key under the provider's key id), "nonce", "audience" or "expired"
// (signed by the provider's own key, with that claim wrong). The first line printed is
// `OIDC_PROVIDER http://127.0.0.1:PORT`, the issuer. Every authorization request comes to the
// login interaction: a user with a session at the provider goes on without the form, unless
// blocked; a blocked user is sent back with `access_denied`.
import http from 'node:http';
import fs from 'node:fs';
import { Provider, interactionPolicy } from 'oidc-provider';
import { SignJWT, generateKeyPair, exportJWK, importJWK, decodeJwt } from 'jose';

const configFile = process.argv[2];
if (!configFile) {
  console.error('usage: node oidc-provider.mjs CONFIG.json');
  process.exit(2);
}
const config = () => JSON.parse(fs.readFileSync(configFile, 'utf8'));

const KID = 'test-key-1';
const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(privateKey)), kid: KID, alg: 'RS256', use: 'sig' };
const { privateKey: otherKey } = await generateKeyPair('RS256', { extractable: true });

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const policy = interactionPolicy.base();
// Every authorization request is decided by the interaction below, so that a blocked user with a
// session at the provider is refused, as a real provider refuses a disabled account.
policy.get('login').checks.add(new interactionPolicy.Check('always', 'the test provider checks every request',
  (ctx) => (ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT)));

const client = config().client;
const provider = new Provider(issuer, {
  clients: [{ ...client, grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
  jwks: { keys: [signingJwk] },
  cookies: { keys: ['beredd-test-provider-cookie-key'] },
  scopes: ['openid', 'profile', 'email'],
  claims: { openid: ['sub', 'groups'], profile: ['name', 'preferred_username'], email: ['email'] },
  // The claims go into the ID token itself, as Entra ID puts its groups there.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { policy, url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const user = config().users[id];
    if (!user) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: user.name, preferred_username: id, email: user.email, groups: user.groups ?? [] };
      },
    };
  },
});

// The token endpoint's answer, changed as the configuration asks.
provider.use(async (ctx, next) => {
  await next();
  const mode = config().tamper;
  if (!mode || ctx.path !== '/token' || !ctx.body?.id_token) return;
  const token = ctx.body.id_token;
  const claims = decodeJwt(token);
  let forged;
  if (mode === 'payload') {
    const [h, , s] = token.split('.');
    const body = Buffer.from(JSON.stringify({ ...claims, groups: ['beredd-admin'] })).toString('base64url');
    forged = `${h}.${body}.${s}`;
  } else {
    const changed = { ...claims };
    if (mode === 'nonce') changed.nonce = 'not-the-nonce-beredd-sent';
    if (mode === 'audience') changed.aud = 'another-client';
    if (mode === 'expired') { changed.iat = claims.iat - 7200; changed.exp = claims.iat - 3600; }
    const key = mode === 'key' ? otherKey : await importJWK(signingJwk, 'RS256');
    forged = await new SignJWT(changed).setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' }).sign(key);
  }
  ctx.body = { ...ctx.body, id_token: forged };
});

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function form(res, uid, message) {
  res.writeHead(message ? 401 : 200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test provider: sign in</title></head>
<body><main><h1>Test provider: sign in</h1>${message ? `<p role="alert">${escape(message)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">Username</label> <input id="login" name="login" autocomplete="username">
<label for="password">Password</label> <input id="password" name="password" type="password">
<button type="submit">Sign in</button></form></main></body></html>`);
}

async function body(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Lets `accountId` in (login and consent at once), or refuses a blocked user. */
async function finish(req, res, details, accountId) {
  if (config().users[accountId]?.blocked) {
    return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'the account is blocked' },
      { mergeWithLastSubmission: false });
  }
  const grant = details.grantId ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false });
}

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    const known = details.session?.accountId;
    if (known) return finish(req, res, details, known);
    return form(res, details.uid);
  }
  const posted = await body(req);
  const id = posted.get('login') ?? '';
  const user = config().users[id];
  if (!user || user.password !== posted.get('password')) return form(res, details.uid, 'Wrong username or password.');
  return finish(req, res, details, id);
}

const handler = provider.callback();
server.on('request', (req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((e) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    });
  } else {
    handler(req, res);
  }
});

console.log(`OIDC_PROVIDER ${issuer}`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
