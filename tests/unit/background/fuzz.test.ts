import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { grantManifestHosts } from '@/tests/unit/background/manifest-grants';
import { createRouter } from '@/entrypoints/background/router';
import { createServices, type Services } from '@/entrypoints/background/services';
import { ERROR_CODES } from '@/utils/errors';
import { requestSchemas } from '@/utils/messages/request-schemas';

/**
 * A regression guard for the background's one door: 10,000 fuzzed messages from every kind of
 * sender cause no uncaught error, every reply is well-formed, and no request leaves for any host
 * but Monetate's API (a fuzzed profile may name any host; none is granted).
 */

const MESSAGES = 10_000;
const BATCH = 50;
const ID = fakeBrowser.runtime.id;

/** A small seeded generator, so a failure can be replayed. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_STRINGS = [
  '',
  ' ',
  'C-100001',
  'MCMID|0000',
  '../..',
  '..',
  '%2e%2e',
  'a/b?c#d',
  '<img src=x onerror=alert(1)>',
  'line\r\nX-Injected: 1',
  '\u0000',
  '\ud800',
  '🔑',
  'https://evil.example',
  'http://127.0.0.1:9',
  'https://api.monetate.net',
  'https://api.monetate.net/api',
  'https://api.example.com',
  '__proto__',
  'constructor',
  'x'.repeat(600),
  'correct horse battery staple',
  '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----',
  '{"format":"monetate-data-inspector-vault-backup","version":1}',
];

function fuzzer(random: () => number, realProfileId: string) {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const string = (): string => (random() < 0.7 ? pick(NASTY_STRINGS) : Math.random().toString(36).slice(2, 2 + Math.floor(random() * 20)));
  const value = (depth = 0): unknown => {
    const roll = random();
    if (roll < 0.3) return string();
    if (roll < 0.45) return pick([0, -1, 1.5, 2048, 3600, 1e308, Number.NaN, 2 ** 53 + 1]);
    if (roll < 0.55) return pick([true, false, null, undefined]);
    if (roll < 0.7 && depth < 3) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
    if (depth < 3) return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick(FIELD_NAMES), value(depth + 1)]));
    return string();
  };
  const usually = <T,>(valid: T, otherwise: () => unknown): unknown => (random() < 0.85 ? valid : otherwise());
  const types = Object.keys(requestSchemas);
  const profileId = (type: string) => (type !== 'key.generate' && random() < 0.3 ? realProfileId : string());
  // Payloads near the real shapes reach the handlers; the rest stop at validation.
  const templates: Record<string, () => Record<string, unknown>> = {
    'profiles.save': () => ({
      id: random() < 0.3 ? realProfileId : undefined,
      // Mostly valid but for the base URL: a profile pointed elsewhere is what must never be used.
      input: {
        name: usually('Fuzzed', string),
        baseUrl: pick(['https://api.monetate.net', 'https://evil.example', 'http://evil.example', 'https://api.example.com', 'http://127.0.0.1:9', string()]),
        retailer: usually('acme', string),
        username: usually('api-1', string),
        ttlSeconds: usually(3600, () => pick([600, 1, string()])),
        alg: usually('RS256', () => pick(['HS256', string()])),
        readOnly: random() < 0.5,
        confirmWrites: random() < 0.5,
      },
    }),
    'lookup.record': () => ({ dataset: pick(['customers', string()]), id: string(), refresh: random() < 0.5, callerId: pick(['fuzz-a', 'fuzz-b', string()]) }),
    'lookup.cancel': () => ({ callerId: pick(['fuzz-a', string()]), dataset: random() < 0.5 ? 'customers' : undefined, id: random() < 0.5 ? string() : undefined }),
    'record.save': () => ({ dataset: pick(['customers', string()]), mode: pick(['edit', 'create', string()]), row: { customer_id: string(), email: string() }, before: null }),
    'vault.unlock': () => ({ profileId: profileId('vault.unlock'), passphrase: string() }),
    'vault.changePassphrase': () => ({ profileId: profileId('vault.changePassphrase'), current: string(), next: string() }),
    'key.generate': () => ({ profileId: profileId('key.generate'), bits: pick([2048, 1024, string()]), passphrase: string() }),
    'key.import': () => ({ profileId: profileId('key.import'), pem: string(), passphrase: string() }),
    'vault.importBackup': () => ({ text: string(), passphrase: string() }),
    'overlay.hideOnSite': () => ({ origin: pick(['https://marketer.monetate.net', string()]) }),
    'token.get': () => ({ fresh: random() < 0.5 }),
    'curl.build': () => ({ dataset: pick(['customers', string()]), id: string() }),
    'schema.list': () => ({ refresh: random() < 0.5 }),
    'schema.get': () => ({ name: pick(['customers', string()]), refresh: random() < 0.5 }),
    'schema.addAttributes': () => ({ dataset: pick(['customers', string()]), fields: { [string()]: { data_type: pick(['STRING', 'NUMBER', string()]) } } }),
    'schema.setIdentifier': () => ({ dataset: pick(['customers', string()]), value: string() }),
    'sidepanel.show': () => ({ dataset: pick(['customers', string()]), id: string() }),
    'launcher.save': () => ({ edge: pick(['left', 'top', string()]), offset: pick([0, 0.5, 1, 2, string()]) }),
    'profiles.activate': () => ({ id: random() < 0.5 ? realProfileId : string() }),
    'settings.save': () => ({ autoLockMinutes: pick([1, 30, 0, string()]), overlayHiddenOrigins: [string()] }),
  };
  const senders = [
    { id: ID, url: `chrome-extension://${ID}/popup.html` },
    { id: ID, url: 'https://marketer.monetate.net/control/a-1/p/x/datasets', tab: { id: 7, windowId: 1 } },
    { id: ID, url: 'https://evil.example/page', tab: { id: 8 } },
    { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' },
    { id: ID },
    { id: ID, url: 'not a url', origin: 'null' },
  ];
  return () => {
    const type = random() < 0.05 ? string() : pick(types);
    const roll = random();
    const template = Object.hasOwn(templates, type) ? templates[type] : undefined;
    const payload = roll < 0.8 && template ? template() : roll < 0.9 ? value() : {};
    const message = random() < 0.05 ? value() : { channel: random() < 0.97 ? 'mdi' : string(), type, payload };
    return { message, sender: pick(senders) };
  };
}

const SCHEMA = {
  name: 'customers',
  fields: { customer_id: { data_type: 'STRING', identifier: true, unique_key: true }, email: { data_type: 'STRING' } },
  named_identifier: null,
};

const FIELD_NAMES = ['dataset', 'id', 'profileId', 'passphrase', 'input', 'callerId', 'baseUrl', '__proto__', 'constructor', 'toString', 'x'];

let requested: string[];
let uncaught: unknown[];
const onUncaught = (error: unknown) => void uncaught.push(error);

beforeEach(() => {
  fakeBrowser.reset();
  grantManifestHosts();
  requested = [];
  uncaught = [];
  process.on('unhandledRejection', onUncaught);
  process.on('uncaughtException', onUncaught);
  // WXT's fake browser has no side panel; Chrome's answers (or refuses) without throwing.
  Object.assign(fakeBrowser, { sidePanel: { open: async () => undefined } });
  // Monetate answers whatever it is asked with a token or an empty record list; the fuzz is about the extension.
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    requested.push(url);
    const path = new URL(url).pathname;
    const data = path.includes('/auth/')
      ? { token: 'tok-1', issued_at: 1, expires_in: 3600, expires_at: 2 }
      : path.endsWith('/schema/')
        ? [SCHEMA]
        : path.includes('/schema/')
          ? SCHEMA
          : { schema_rows: init?.method === 'POST' ? (JSON.parse(String(init.body)) as { schema_rows: unknown[] }).schema_rows : [] };
    return new Response(JSON.stringify({ meta: { code: 200 }, data }), { status: init?.method === 'POST' ? 201 : 200, headers: { 'Content-Type': 'application/json' } });
  });
});

afterEach(() => {
  process.off('unhandledRejection', onUncaught);
  process.off('uncaughtException', onUncaught);
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the background under fuzzed messages', () => {
  it(`answers ${MESSAGES.toLocaleString('en')} fuzzed messages without an uncaught error and sends nothing to any other host`, async () => {
    let services: Services | undefined;
    const route = createRouter(() => (services ??= createServices()));
    const page = { id: ID, url: `chrome-extension://${ID}/options.html` };
    const saved = (await route(
      {
        channel: 'mdi',
        type: 'profiles.save',
        payload: { input: { name: 'Acme', baseUrl: 'https://api.monetate.net', retailer: 'acme', username: 'api-1', ttlSeconds: 3600, alg: 'RS256', readOnly: false, confirmWrites: false } },
      },
      page as never,
    )) as { ok: boolean; data: { id: string } };
    expect(saved.ok).toBe(true);
    expect(await route({ channel: 'mdi', type: 'key.generate', payload: { profileId: saved.data.id, bits: 2048, passphrase: 'plum tractor seven lanterns' } }, page as never)).toMatchObject({ ok: true });

    const unlockMessage = { channel: 'mdi', type: 'vault.unlock', payload: { profileId: saved.data.id, passphrase: 'plum tractor seven lanterns' } };
    // Look-ups wait in the 1-per-second queue: time is simulated so the run takes seconds, not hours.
    // Key derivation and signing still take real time, so the loop below lets real time pass too.
    const realSetTimeout = globalThis.setTimeout;
    const realSleep = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const next = fuzzer(prng(20_260_301), saved.data.id);
    const replies: unknown[] = [];
    for (let sent = 0; sent < MESSAGES; sent += BATCH) {
      // Fuzzed locks would otherwise leave most of the run on the "locked" path.
      if (sent % (BATCH * 4) === 0) await route(unlockMessage, page as never);
      const batch = Array.from({ length: BATCH }, () => {
        const { message, sender } = next();
        return route(message, sender as never).then(
          (reply) => void replies.push(reply),
          (error: unknown) => void uncaught.push(error),
        );
      });
      let settled = false;
      void Promise.all(batch).then(() => (settled = true));
      for (let step = 0; !settled && step < 5_000; step++) {
        await vi.advanceTimersByTimeAsync(1000);
        if (!settled) await realSleep(2);
      }
      expect(settled, `batch from message ${sent} settled`).toBe(true);
    }

    expect(uncaught).toEqual([]);
    expect(replies).toHaveLength(MESSAGES);
    for (const reply of replies) {
      const typed = reply as { ok?: unknown; error?: { code?: unknown } };
      expect(typeof typed.ok).toBe('boolean');
      if (typed.ok === false) expect(ERROR_CODES).toContain(typed.error?.code);
    }
    const hosts = new Set(requested.map((url) => new URL(url).origin));
    expect([...hosts].filter((origin) => origin !== 'https://api.monetate.net')).toEqual([]);
    // The fuzz did reach Monetate-bound handlers, not only the validation at the door.
    expect(requested.length).toBeGreaterThan(0);
  }, 240_000);
});
