import { Hono, type Context } from 'hono';
import type { AppEnv, Deps } from '@/emulator/context.ts';
import { deactivateKeys, KeyRegistrationError, registerApiKey } from '@/emulator/keys.ts';
import type { Flash } from '@/emulator/state.ts';
import { documentPage, html, type SafeHtml } from '@/emulator/pages/html.ts';

export const API_KEYS_PATH = '/settings/api-keys';

function formString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

/** Post/Redirect/Get: the message lives server-side under an id, so no text travels in the URL. */
function redirectWithFlash(deps: Deps, c: Context<AppEnv>, flash: Flash): Response {
  deps.state.counters.flash += 1;
  const id = String(deps.state.counters.flash);
  deps.state.flashes.set(id, flash);
  return c.redirect(`${API_KEYS_PATH}?flash=${id}`, 303);
}

function notice(flash: Flash | undefined): SafeHtml {
  if (!flash) return html``;
  const role = flash.tone === 'success' ? 'status' : 'alert';
  return html`<div class="notice ${flash.tone}" role="${role}">${flash.text}</div>`;
}

function keysTable(deps: Deps): SafeHtml {
  const rows = [...deps.state.users.values()].flatMap((user) =>
    user.keys.map(
      (key) => html`<tr data-key-id="${key.keyId}">
  <td>${user.username}</td>
  <td>${user.readOnly ? 'Read-Only API User' : 'API User'}</td>
  <td><code>${key.fingerprint}</code></td>
  <td>${key.createdAt}</td>
  <td>${key.active ? 'Active' : 'Deactivated'}</td>
  <td>${
    key.active
      ? html`<form method="post" action="${API_KEYS_PATH}/deactivate">
      <input type="hidden" name="username" value="${user.username}">
      <input type="hidden" name="keyId" value="${key.keyId}">
      <button type="submit" aria-label="Deactivate key ${key.fingerprint} of ${user.username}">Deactivate</button>
    </form>`
      : html`<span>Deactivated ${key.deactivatedAt ?? ''}</span>`
  }</td>
</tr>`,
    ),
  );
  if (rows.length === 0) return html`<p>No API users yet. Create a public key below to add one.</p>`;
  return html`<table aria-label="API keys">
<thead><tr><th scope="col">API username</th><th scope="col">User type</th><th scope="col">Fingerprint</th><th scope="col">Created</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

export function apiKeysPage(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(API_KEYS_PATH, (c) => {
    const flashId = c.req.query('flash');
    const flash = flashId === undefined ? undefined : deps.state.flashes.get(flashId);
    if (flashId !== undefined) deps.state.flashes.delete(flashId);
    const body = html`<header class="app">Monetate · Settings</header>
<main>
  <h1>API Keys</h1>
  <p>Each API user signs JWTs with its private key; Monetate checks them against the public keys listed here.</p>
  ${notice(flash)}
  <h2>API users and keys</h2>
  ${keysTable(deps)}
  <h2>Create a public key</h2>
  <form method="post" action="${API_KEYS_PATH}">
    <label for="api-username">API username</label>
    <input type="text" id="api-username" name="username" required autocomplete="off" placeholder="api-demo-inspector">
    <fieldset>
      <legend>User type</legend>
      <label class="choice"><input type="radio" name="userType" value="api-user" checked> API User</label>
      <label class="choice"><input type="radio" name="userType" value="read-only"> Read-Only API User</label>
      <p class="hint">As in Monetate's Create API User dialog. A Read-Only API User reads data and schemas; its writes get 403. Creating another key for a user sets its type again.</p>
    </fieldset>
    <label for="api-public-key">Public key (PEM)</label>
    <textarea id="api-public-key" name="publicKey" rows="10" required placeholder="-----BEGIN PUBLIC KEY-----"></textarea>
    <p><button type="submit">CREATE PUBLIC KEY</button></p>
  </form>
</main>`;
    return c.html(documentPage('API Keys · Monetate emulator', body));
  });

  app.post(API_KEYS_PATH, async (c) => {
    const form = await c.req.parseBody();
    const username = formString(form, 'username');
    const userType = formString(form, 'userType') || 'api-user';
    if (userType !== 'api-user' && userType !== 'read-only') {
      return redirectWithFlash(deps, c, { tone: 'error', text: 'Could not create the public key: choose API User or Read-Only API User.' });
    }
    try {
      const readOnly = userType === 'read-only';
      const key = registerApiKey(deps.state, username, formString(form, 'publicKey'), deps.clock.now(), { readOnly });
      const kind = readOnly ? 'Read-Only API User' : 'API User';
      return redirectWithFlash(deps, c, { tone: 'success', text: `Public key ${key.fingerprint} created for ${key.username} (${kind}).` });
    } catch (error) {
      if (!(error instanceof KeyRegistrationError)) throw error;
      return redirectWithFlash(deps, c, { tone: 'error', text: `Could not create the public key: ${error.message}` });
    }
  });

  app.post(`${API_KEYS_PATH}/deactivate`, async (c) => {
    const form = await c.req.parseBody();
    const username = formString(form, 'username');
    const keyId = formString(form, 'keyId') || undefined;
    try {
      const changed = deactivateKeys(deps.state, username, keyId, deps.clock.now());
      const text = changed.length === 0 ? `Nothing to deactivate for ${username}.` : `Deactivated ${changed.join(', ')} of ${username}. Tokens issued with it now answer 403.`;
      return redirectWithFlash(deps, c, { tone: 'success', text });
    } catch (error) {
      if (!(error instanceof KeyRegistrationError)) throw error;
      return redirectWithFlash(deps, c, { tone: 'error', text: error.message });
    }
  });

  return app;
}
