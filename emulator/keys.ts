import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import type { ApiKey, EmulatorState } from '@/emulator/state.ts';

export const MIN_RSA_BITS = 2048;
export const MAX_USERNAME_LENGTH = 150;

export class KeyRegistrationError extends Error {}

/**
 * Parses a public key the way Monetate's "CREATE PUBLIC KEY" form accepts it: PEM, SPKI
 * (`BEGIN PUBLIC KEY`) or PKCS#1 (`BEGIN RSA PUBLIC KEY`), RSA, at least 2048 bits.
 * Throws KeyRegistrationError with a sentence a person can act on.
 */
export function parsePublicKeyPem(pem: string): KeyObject {
  const text = pem.trim();
  if (text.length === 0) throw new KeyRegistrationError('Public key is empty: paste a PEM public key.');
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    throw new KeyRegistrationError('This is a private key. Paste only the public key (-----BEGIN PUBLIC KEY-----); keep the private key secret.');
  }
  if (/^ssh-(rsa|ed25519|dss)\s/.test(text) || text.startsWith('ecdsa-sha2-')) {
    throw new KeyRegistrationError('OpenSSH public keys are not accepted. Provide a PEM public key (-----BEGIN PUBLIC KEY-----).');
  }
  const spki = /^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----$/.test(text);
  const pkcs1 = /^-----BEGIN RSA PUBLIC KEY-----[\s\S]+-----END RSA PUBLIC KEY-----$/.test(text);
  if (!spki && !pkcs1) {
    throw new KeyRegistrationError('Not a PEM public key: expected -----BEGIN PUBLIC KEY----- or -----BEGIN RSA PUBLIC KEY-----.');
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pkcs1 ? { key: text, format: 'pem', type: 'pkcs1' } : { key: text, format: 'pem' });
  } catch {
    throw new KeyRegistrationError('The PEM public key could not be read: its base64 body is damaged or incomplete.');
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new KeyRegistrationError(`Only RSA keys are accepted; this is a ${key.asymmetricKeyType ?? 'unknown'} key.`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) throw new KeyRegistrationError(`RSA key is ${bits} bits; at least ${MIN_RSA_BITS} bits are required.`);
  return key;
}

/** `SHA256:` + unpadded base64 of the SPKI DER, the same form `ssh-keygen -l` uses. */
export function fingerprintOf(key: KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}

/**
 * Registers a public key, creating the API user on first use. `readOnly`, when given, makes the
 * user a Read-Only API User (true) or an ordinary API User (false); when absent a new user is an
 * ordinary one and an existing user keeps its kind.
 */
export function registerApiKey(state: EmulatorState, username: string, pem: string, nowMs: number, options: { readOnly?: boolean } = {}): ApiKey {
  const name = username.trim();
  if (name.length === 0) throw new KeyRegistrationError('API username is required.');
  if (name.length > MAX_USERNAME_LENGTH) throw new KeyRegistrationError(`API username is longer than ${MAX_USERNAME_LENGTH} characters.`);
  const publicKey = parsePublicKeyPem(pem);
  const fingerprint = fingerprintOf(publicKey);
  const createdAt = new Date(nowMs).toISOString();
  let user = state.users.get(name);
  if (user?.keys.some((k) => k.active && k.fingerprint === fingerprint)) {
    throw new KeyRegistrationError(`This public key is already active for ${name}.`);
  }
  if (!user) {
    user = { username: name, createdAt, readOnly: false, keys: [] };
    state.users.set(name, user);
  }
  if (options.readOnly !== undefined) user.readOnly = options.readOnly;
  state.counters.key += 1;
  const key: ApiKey = { keyId: `key-${state.counters.key}`, username: name, fingerprint, publicKey, createdAt, active: true, deactivatedAt: null };
  user.keys.push(key);
  return key;
}

/** Deactivates one key or all of a user's keys; returns the ids newly deactivated. */
export function deactivateKeys(state: EmulatorState, username: string, keyId: string | undefined, nowMs: number): string[] {
  const user = state.users.get(username);
  if (!user) throw new KeyRegistrationError(`Unknown API user ${username}.`);
  const keys = keyId === undefined ? user.keys : user.keys.filter((k) => k.keyId === keyId);
  if (keyId !== undefined && keys.length === 0) throw new KeyRegistrationError(`API user ${username} has no key ${keyId}.`);
  const changed: string[] = [];
  for (const key of keys) {
    if (!key.active) continue;
    key.active = false;
    key.deactivatedAt = new Date(nowMs).toISOString();
    changed.push(key.keyId);
  }
  return changed;
}

export function findKey(state: EmulatorState, username: string, keyId: string): ApiKey | undefined {
  return state.users.get(username)?.keys.find((k) => k.keyId === keyId);
}
