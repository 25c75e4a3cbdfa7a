/**
 * The HMAC key that seals stored profiles (see `utils/profiles/profile-seal.ts`). It lives in the
 * extension origin's IndexedDB as a non-extractable CryptoKey: extension pages and the service
 * worker share that database, content scripts (which run in the page's origin) cannot open it,
 * and no script can read the key's bytes, only use it.
 *
 * Without IndexedDB (Node tests) or when it fails, a key is made for this worker's life only:
 * profiles sealed before then no longer verify and must be checked and saved again. That fails
 * closed, never open.
 */

const DATABASE = 'mdi-integrity';
const STORE = 'keys';
const KEY_ID = 'profile-seal-v1';

/**
 * A loader that yields the same key on every call within a worker's life.
 * @example const loadKey = createIntegrityKeyLoader(); const key = await loadKey();
 */
export function createIntegrityKeyLoader(factory: IDBFactory | undefined = globalThis.indexedDB): () => Promise<CryptoKey> {
  let pending: Promise<CryptoKey> | undefined;
  return () => (pending ??= loadOrCreate(factory).catch(() => generate()));
}

function generate(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

async function loadOrCreate(factory: IDBFactory | undefined): Promise<CryptoKey> {
  if (!factory) return generate();
  const db = await request(
    (() => {
      const open = factory.open(DATABASE, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE);
      return open;
    })(),
  );
  try {
    const existing = await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID));
    if (existing instanceof CryptoKey) return existing;
    const key = await generate();
    try {
      // add, not put: if another context stored a key meanwhile, keep theirs.
      await request(db.transaction(STORE, 'readwrite').objectStore(STORE).add(key, KEY_ID));
      return key;
    } catch {
      const stored = await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID));
      if (stored instanceof CryptoKey) return stored;
      throw new Error('integrity key could not be stored');
    }
  } finally {
    db.close();
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}
