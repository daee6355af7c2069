/**
 * End-to-end encryption of synced records (docs/architecture.md § Sync). The passphrase never
 * leaves this device and is never stored: it derives a key-encryption key (PBKDF2-SHA256) that
 * wraps (AES-KW) two random keys kept in a key ring on the server. One encrypts records
 * (AES-256-GCM), the other turns record ids into server document ids (HMAC-SHA256), so the server
 * sees random ids, sizes and timing, and each record's version label (its clock, whether it is
 * deleted: so a device can refuse an older copy), and nothing else.
 */

export const KEYRING_ID = 'taiwa-keyring';
export const PBKDF2_ITERATIONS = 600_000;
const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

/** The server's copy of the key ring: everything but the passphrase, so any device can join. */
export interface KeyRingDoc {
  _id: typeof KEYRING_ID;
  _rev?: string;
  v: 1;
  /** Random id of this sync data set: bound into every ciphertext, and how a replaced server database is noticed. */
  dbId: string;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  keys: { kid: string; data: string; ids: string }[];
}

/** The unwrapped keys, as the service worker keeps them (non-extractable, in IndexedDB). */
export interface SyncKeys {
  dbId: string;
  kid: string;
  data: CryptoKey;
  ids: CryptoKey;
}

/** Which version of a record a document holds: its clock, and whether it is a deletion. */
export interface DocVersion {
  c: string;
  d: 0 | 1;
}

/**
 * A record as the server stores it. Format 2 carries the record's version in the clear, bound
 * into the ciphertext, so a receiver can tell an older copy before applying it (format 1, still
 * read, bound only the document).
 */
export interface EncryptedDoc extends DocVersion {
  _id: string;
  _rev?: string;
  v: 2;
  kid: string;
  iv: string;
  ct: string;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('The passphrase does not open this sync data.');
  }
}

/** A document that does not decrypt with this key ring under its own id: never applied. */
export class TamperedError extends Error {
  constructor(readonly docId: string) {
    super(`Document ${docId} could not be decrypted (altered, moved or foreign).`);
  }
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function deriveWrappingKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
) {
  const base = await crypto.subtle.importKey(
    'raw',
    ENCODER.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

const DATA_KEY = { name: 'AES-GCM', length: 256 } as const;
const ID_KEY = { name: 'HMAC', hash: 'SHA-256', length: 256 } as const;

/** A new key ring for a first device: fresh keys, wrapped under the passphrase. */
export async function createKeyRing(
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<{ doc: KeyRingDoc; keys: SyncKeys }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const kek = await deriveWrappingKey(passphrase, salt, iterations);
  // Extractable only for the moment of wrapping; the kept copies are unwrapped non-extractable.
  const data = await crypto.subtle.generateKey(DATA_KEY, true, ['encrypt', 'decrypt']);
  const ids = await crypto.subtle.generateKey(ID_KEY, true, ['sign']);
  const kid = crypto.randomUUID();
  const doc: KeyRingDoc = {
    _id: KEYRING_ID,
    v: 1,
    dbId: crypto.randomUUID(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    keys: [
      {
        kid,
        data: toBase64(new Uint8Array(await crypto.subtle.wrapKey('raw', data, kek, 'AES-KW'))),
        ids: toBase64(new Uint8Array(await crypto.subtle.wrapKey('raw', ids, kek, 'AES-KW'))),
      },
    ],
  };
  return { doc, keys: await unlockKeyRing(doc, passphrase, kek) };
}

/** The keys of a server key ring, or {@link WrongPassphraseError} (AES-KW checks integrity). */
export async function unlockKeyRing(
  doc: KeyRingDoc,
  passphrase: string,
  kek?: CryptoKey,
): Promise<SyncKeys> {
  const wrapping =
    kek ?? (await deriveWrappingKey(passphrase, fromBase64(doc.kdf.salt), doc.kdf.iterations));
  const entry = doc.keys[doc.keys.length - 1];
  if (!entry) throw new WrongPassphraseError();
  try {
    const data = await crypto.subtle.unwrapKey(
      'raw',
      fromBase64(entry.data),
      wrapping,
      'AES-KW',
      DATA_KEY,
      false,
      ['encrypt', 'decrypt'],
    );
    const ids = await crypto.subtle.unwrapKey(
      'raw',
      fromBase64(entry.ids),
      wrapping,
      'AES-KW',
      ID_KEY,
      false,
      ['sign'],
    );
    return { dbId: doc.dbId, kid: entry.kid, data, ids };
  } catch {
    throw new WrongPassphraseError();
  }
}

/**
 * The server id of a record: the same on every device (so they meet on one document) and
 * meaningless to the server (a keyed hash of table and id, 128 bits).
 */
export async function docIdFor(keys: SyncKeys, table: string, id: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', keys.ids, ENCODER.encode(`${table}/${id}`));
  const text = toBase64(new Uint8Array(mac).subarray(0, 16));
  return `r${text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/**
 * Binds a ciphertext to its data set, its document and (format 2) the version it holds: moved,
 * replayed elsewhere or relabelled as another version, it fails.
 */
function aad(keys: SyncKeys, docId: string, version?: DocVersion): Uint8Array<ArrayBuffer> {
  const base = `${keys.dbId}/${docId}`;
  return ENCODER.encode(version ? `taiwa/2/${base}/${version.c}/${version.d}` : `taiwa/1/${base}`);
}

/**
 * A record's server document: its payload encrypted under a fresh IV, labelled with the version
 * it holds (format 2), so receivers can refuse an older copy before applying it.
 */
export async function encryptDoc(
  keys: SyncKeys,
  docId: string,
  value: unknown,
  version: DocVersion,
): Promise<EncryptedDoc> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad(keys, docId, version) },
    keys.data,
    ENCODER.encode(JSON.stringify(value)),
  );
  const [c, d] = [version.c, version.d];
  return {
    _id: docId,
    v: 2,
    kid: keys.kid,
    iv: toBase64(iv),
    ct: toBase64(new Uint8Array(ct)),
    c,
    d,
  };
}

/** A document as read from the server: nothing in it is trusted yet. */
type ServerDoc = { [K in keyof EncryptedDoc]?: unknown };

/** The version a format-2 document says it holds (checked by its ciphertext), if well-formed. */
function versionOfDoc(doc: ServerDoc): DocVersion | undefined {
  const { c, d } = doc;
  return typeof c === 'string' && c.length <= 80 && (d === 0 || d === 1) ? { c, d } : undefined;
}

/**
 * The value inside a server document, and the version it claims (format 2; authenticated, so
 * the caller checks it against the value), or {@link TamperedError}.
 */
export async function decryptDoc(
  keys: SyncKeys,
  doc: ServerDoc,
): Promise<{ value: unknown; version?: DocVersion }> {
  const docId = String(doc._id);
  try {
    const version = doc.v === 2 ? versionOfDoc(doc) : undefined;
    if (
      (doc.v !== 1 && !version) ||
      doc.kid !== keys.kid ||
      typeof doc.iv !== 'string' ||
      typeof doc.ct !== 'string'
    ) {
      throw new Error('not an encrypted record');
    }
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(doc.iv), additionalData: aad(keys, docId, version) },
      keys.data,
      fromBase64(doc.ct),
    );
    return { value: JSON.parse(DECODER.decode(plain)), version };
  } catch {
    throw new TamperedError(docId);
  }
}
