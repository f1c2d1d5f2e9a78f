// The API's OpenAPI document, as the administrator's API page offers it, checked against the
// OpenAPI specification's own JSON schema (3.0 or 3.1, whichever the document says it is), and
// every path of the document is a route of the running server (it answers 401 without a token,
// not 404). The server is started by scripts/test (BEREDD_URL, BEREDD_ADMIN_PASSWORD).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';

const BASE = process.env.BEREDD_URL;
const PASSWORD = process.env.BEREDD_ADMIN_PASSWORD;
assert.ok(BASE && PASSWORD, 'BEREDD_URL and BEREDD_ADMIN_PASSWORD must be set (scripts/test sets them)');

/** Logs in as the administrator with plain HTTP and returns the session's cookie header. */
async function login() {
  const form = await fetch(`${BASE}/login`);
  const jar = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const html = await form.text();
  const csrf = html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const body = new URLSearchParams({ username: 'admin', password: PASSWORD, _csrf: csrf });
  const r = await fetch(`${BASE}/login`, { method: 'POST', body, redirect: 'manual', headers: { cookie: jar } });
  assert.equal(r.status, 303, 'the administrator logs in');
  return r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

test('the OpenAPI document is valid by the specification\'s schema and names only real routes', async () => {
  const cookie = await login();
  const r = await fetch(`${BASE}/api-tokens/openapi.json`, { headers: { cookie } });
  assert.equal(r.status, 200);
  const doc = await r.json();
  const result = await new Validator().validate(doc);
  assert.equal(result.valid, true, `the document is not valid OpenAPI ${doc.openapi}: ${JSON.stringify(result.errors, null, 1)}`);
  assert.ok(Object.keys(doc.paths).length >= 10, 'the document lists the API');
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item)) {
      const url = `${BASE}${path.replace('{id}', '1').replace('{register}', 'people')}`;
      const answer = await fetch(url, { method: method.toUpperCase() });
      assert.equal(answer.status, 401, `${method.toUpperCase()} ${path} is a route that asks for a token`);
      assert.equal(answer.headers.get('www-authenticate'), 'Bearer');
    }
  }
});
