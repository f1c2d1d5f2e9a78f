// What the browser tests that run a Beredd of their own share (single sign-on, passkeys): a free
// port, a demo server on its own database, the first line a child prints with a prefix, Debian's
// Chromium, and the WCAG 2.1 AA check with axe-core. Not a test file itself (only *.test.mjs are).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import net from 'node:net';
import readline from 'node:readline';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

export async function freePort() {
  const s = net.createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address();
  s.close();
  await once(s, 'close');
  return port;
}

/** The first line of `child`'s output that holds `prefix`, the rest of it. */
export async function lineStarting(child, prefix) {
  const lines = readline.createInterface({ input: child.stdout });
  for await (const line of lines) {
    if (line.includes(prefix)) return line.slice(line.indexOf(prefix) + prefix.length).trim();
  }
  throw new Error(`no line with ${prefix}`);
}

/** `beredd demo` on `database`, listening on 127.0.0.1:`port`, with the administrator's password. */
export async function startDemo(database, port, adminPassword) {
  const bin = process.env.BEREDD_BIN;
  assert.ok(bin, 'BEREDD_BIN must be set (scripts/test sets it)');
  const child = spawn(bin, ['demo', '--database', database, '--listen', `127.0.0.1:${port}`,
    '--admin-password', adminPassword], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BEREDD_LOG: 'warn' } });
  await lineStarting(child, 'http://');
  child.stdout.resume();
  return child;
}

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export async function expectAccessible(page, what) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const violations = result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(violations, [], `${what} has WCAG 2.1 AA violations:\n${violations.join('\n')}`);
}
