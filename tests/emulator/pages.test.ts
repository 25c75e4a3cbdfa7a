import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DATASET_WITHOUT_IDENTIFIER,
  DEMO_DATASET,
  HTML_RECORD_ID,
  MULTI_ROW_ID,
  ODD_VALUES,
  ODD_VALUES_RECORD_ID,
  SPACED_DATASET,
  SPECIAL_RECORD_ID,
} from '@/emulator/demo-data.ts';
import { startEmulator } from '@/emulator/server.ts';
import { auth, DATA, requestToken, rsaKeyPair, signJwt, viaFetch, type Call, type TestKeyPair } from '@/tests/emulator/helpers.ts';

const PAGE = '/settings/api-keys';
const DATASETS = '/platform/control/a-demo/p/demo.example/datasets';

let keys: TestKeyPair;
let server: Awaited<ReturnType<typeof startEmulator>>;
let call: Call;

beforeAll(async () => {
  keys = rsaKeyPair();
  server = await startEmulator({ port: 0 });
  call = viaFetch(server.url);
});
afterAll(() => server.close());
beforeEach(() => server.emulator.reset());

/** Submits a form the way a browser without JavaScript would, then follows the 303. */
async function submit(path: string, fields: Record<string, string>): Promise<string> {
  const res = await call(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  expect(res.status).toBe(303);
  const location = res.headers.get('Location') ?? '';
  expect(location).toMatch(/^\/settings\/api-keys\?flash=\d+$/);
  const page = await call(location);
  expect(page.status).toBe(200);
  return page.text();
}

describe('API Keys page', () => {
  it('shows labelled controls and the CREATE PUBLIC KEY button', async () => {
    const res = await call(PAGE);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toMatch(/<label for="api-username">API username<\/label>\s*<input[^>]*id="api-username"[^>]*name="username"/);
    expect(page).toMatch(/<label for="api-public-key">Public key \(PEM\)<\/label>\s*<textarea[^>]*id="api-public-key"[^>]*name="publicKey"/);
    expect(page).toMatch(/<form method="post" action="\/settings\/api-keys">/);
    expect(page).toContain('<button type="submit">CREATE PUBLIC KEY</button>');
    expect(page).toContain('No API users yet');
  });

  it('creates a key from a form post, lists it as Active, and the key signs working JWTs', async () => {
    const page = await submit(PAGE, { username: 'api-form-user', publicKey: keys.spkiPem });
    expect(page).toMatch(/role="status">Public key SHA256:\S+ created for api-form-user \(API User\)\./);
    const row = /<tr data-key-id="key-1">([\s\S]*?)<\/tr>/.exec(page)?.[1] ?? '';
    expect(row).toContain('<td>api-form-user</td>');
    expect(row).toContain('<td>API User</td>');
    expect(row).toMatch(/<code>SHA256:[A-Za-z0-9+/]{43}<\/code>/);
    expect(row).toContain('<td>Active</td>');
    expect(row).toContain('>Deactivate</button>');
    const token = await requestToken(call, await signJwt(keys.privateKey, { username: 'api-form-user', iat: Date.now() / 1000 }));
    expect(token.status).toBe(200);
    // A reload does not repeat the message.
    expect(await (await call(`${PAGE}?flash=1`)).text()).not.toContain('role="status"');
  });

  it('offers API User (the default) and Read-Only API User, as Monetate\'s Create API User dialog does', async () => {
    const page = await (await call(PAGE)).text();
    expect(page).toMatch(/<legend>User type<\/legend>/);
    expect(page).toMatch(/<label class="choice"><input type="radio" name="userType" value="api-user" checked> API User<\/label>/);
    expect(page).toMatch(/<label class="choice"><input type="radio" name="userType" value="read-only"> Read-Only API User<\/label>/);
  });

  it('creates a Read-Only API User whose token reads but cannot write', async () => {
    const page = await submit(PAGE, { username: 'api-reader', userType: 'read-only', publicKey: keys.spkiPem });
    expect(page).toMatch(/role="status">Public key SHA256:\S+ created for api-reader \(Read-Only API User\)\./);
    expect(/<tr data-key-id="key-1">[\s\S]*?<\/tr>/.exec(page)?.[0]).toContain('<td>Read-Only API User</td>');
    const json = (await (await requestToken(call, await signJwt(keys.privateKey, { username: 'api-reader', iat: Date.now() / 1000 }))).json()) as { data: { token: string } };
    expect((await call(`${DATA}/schema/`, { headers: auth(json.data.token) })).status).toBe(200);
    const write = await call(`${DATA}/data/${DEMO_DATASET}/`, {
      method: 'POST',
      headers: { ...auth(json.data.token), 'Content-Type': 'application/json' },
      body: JSON.stringify({ schema_rows: [{ customer_id: 'C-RO' }] }),
    });
    expect(write.status).toBe(403);
    expect(await write.text()).toContain('Read-Only API User');
  });

  it('refuses an unknown user type and stores nothing', async () => {
    const page = await submit(PAGE, { username: 'api-x', userType: 'admin', publicKey: keys.spkiPem });
    expect(page).toMatch(/role="alert">Could not create the public key: choose API User or Read-Only API User\./);
    expect(page).not.toContain('data-key-id=');
  });

  it('shows an alert for a bad key and stores nothing', async () => {
    const page = await submit(PAGE, { username: 'api-bad', publicKey: rsaKeyPair(1024).spkiPem });
    expect(page).toMatch(/role="alert">Could not create the public key: RSA key is 1024 bits/);
    expect(page).not.toContain('data-key-id=');
  });

  it('deactivates a key from its row button; its tokens then answer 403', async () => {
    await submit(PAGE, { username: 'api-form-user', publicKey: keys.spkiPem });
    const json = (await (await requestToken(call, await signJwt(keys.privateKey, { username: 'api-form-user', iat: Date.now() / 1000 }))).json()) as { data: { token: string } };
    const page = await submit(`${PAGE}/deactivate`, { username: 'api-form-user', keyId: 'key-1' });
    expect(page).toMatch(/role="status">Deactivated key-1 of api-form-user/);
    expect(/<tr data-key-id="key-1">[\s\S]*?<\/tr>/.exec(page)?.[0]).toContain('<td>Deactivated</td>');
    expect((await call(`${DATA}/schema/`, { headers: auth(json.data.token) })).status).toBe(403);
  });

  it('escapes HTML in a username everywhere on the page', async () => {
    const evil = '<img src=x onerror=alert(1)>"\'';
    const page = await submit(PAGE, { username: evil, publicKey: keys.spkiPem });
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('<td>&lt;img src=x onerror=alert(1)&gt;&quot;&#39;</td>');
    expect(page).toContain('value="&lt;img src=x onerror=alert(1)&gt;&quot;&#39;"');
  });
});

describe('demo platform pages', () => {
  it('lists datasets with links to their pages and the page toolbars', async () => {
    const res = await call(DATASETS);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain(`<a href="${DATASETS}/${DEMO_DATASET}" data-nav>${DEMO_DATASET}</a>`);
    expect(page).toContain(`<a href="${DATASETS}/${DATASET_WITHOUT_IDENTIFIER}" data-nav>${DATASET_WITHOUT_IDENTIFIER}</a>`);
    expect(page).toMatch(/class="toolbar toolbar-top"[\s\S]*data-platform-button="help"/);
    expect(page).toMatch(/class="toolbar toolbar-bottom"[\s\S]*data-platform-button="save"/);
    expect(page).toContain('history.pushState');
  });

  it('shows a dataset with its name and customer ID cells, with HTML in values escaped', async () => {
    const res = await call(`${DATASETS}/${DEMO_DATASET}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain(`<h1 data-dataset-name="${DEMO_DATASET}">${DEMO_DATASET}</h1>`);
    const ids = [...page.matchAll(/<td data-customer-id="([^"]*)">/g)].map((m) => m[1]);
    expect(ids).toHaveLength(20);
    expect(ids[0]).toBe('C-100001');
    expect(ids).toContain(HTML_RECORD_ID);
    expect(ids).toContain(SPECIAL_RECORD_ID);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('<img src=x');
    // Only the page's own two script elements exist; record values cannot open or close one.
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
  });

  it('links a dataset whose name has spaces by its encoded name, and serves it there', async () => {
    const encoded = 'next%20buy%20reco%20semi%20known%20users';
    expect(encodeURIComponent(SPACED_DATASET)).toBe(encoded);
    expect(await (await call(DATASETS)).text()).toContain(`<a href="${DATASETS}/${encoded}" data-nav>${SPACED_DATASET}</a>`);
    const res = await call(`${DATASETS}/${encoded}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain(`<h1 data-dataset-name="${SPACED_DATASET}">${SPACED_DATASET}</h1>`);
    const ids = [...page.matchAll(/<td data-customer-id="([^"]*)">/g)].map((m) => m[1]);
    expect(ids.filter((id) => id === MULTI_ROW_ID)).toHaveLength(3);
  });

  it('shows stored values as text, a big NUMBER with all its digits', async () => {
    const page = await (await call(`${DATASETS}/${DEMO_DATASET}`)).text();
    const row = new RegExp(`<tr><td data-customer-id="${ODD_VALUES_RECORD_ID}">[\\s\\S]*?</tr>`).exec(page)?.[0] ?? '';
    expect(row).toContain(`<td>${ODD_VALUES.lifetime_value}</td>`);
    expect(row).toContain('<td>TRUE</td>');
  });

  it('reflects the emulator state and answers 404 for an unknown dataset', async () => {
    expect((await call(`${DATASETS}/no_such`)).status).toBe(404);
    const page = await (await call(`${DATASETS}/${DATASET_WITHOUT_IDENTIFIER}`)).text();
    expect(page).toContain('Identifier Name: Not set');
    expect(page).toContain('<td data-customer-id="C-100004">C-100004</td>');
  });
});
