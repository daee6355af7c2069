// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  createKeyRing,
  decryptDoc,
  docIdFor,
  encryptDoc,
  TamperedError,
  toBase64,
  unlockKeyRing,
  WrongPassphraseError,
} from '@/entrypoints/background/sync/crypto';
import { kindOfNetworkFailure, kindOfStatus } from '@/entrypoints/background/sync/errors';
import { checkServerUrl } from '@/entrypoints/background/sync/setup';
import { backoffMs } from '@/entrypoints/background/sync/runner';

const VERSION = { c: '001790000000000:00000:d1', d: 0 } as const;

describe('key ring', () => {
  it('opens with the passphrase on another device, and not with another passphrase', async () => {
    const { doc, keys } = await createKeyRing('correct horse battery staple');
    expect(doc.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(atob(doc.kdf.salt)).toHaveLength(16);
    const joined = await unlockKeyRing(doc, 'correct horse battery staple');
    const secret = await encryptDoc(keys, 'r1', { text: '評価の不安' }, VERSION);
    expect((await decryptDoc(joined, secret)).value).toEqual({ text: '評価の不安' });
    await expect(unlockKeyRing(doc, 'wrong passphrase')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });

  it('keeps the keys non-extractable', async () => {
    const { keys } = await createKeyRing('correct horse battery staple');
    expect(keys.data.extractable).toBe(false);
    expect(keys.ids.extractable).toBe(false);
  });
});

describe('records', () => {
  it('get a fresh IV each time, and fail when moved to another document or data set', async () => {
    const { keys } = await createKeyRing('correct horse battery staple');
    const one = await encryptDoc(keys, 'rA', { name: 'Aiko' }, VERSION);
    const two = await encryptDoc(keys, 'rA', { name: 'Aiko' }, VERSION);
    expect(one.iv).not.toBe(two.iv);
    expect(one.ct).not.toBe(two.ct);
    await expect(decryptDoc(keys, { ...one, _id: 'rB' })).rejects.toBeInstanceOf(TamperedError);
    await expect(decryptDoc({ ...keys, dbId: 'another' }, one)).rejects.toBeInstanceOf(
      TamperedError,
    );
    const flipped = one.ct.startsWith('A') ? `B${one.ct.slice(1)}` : `A${one.ct.slice(1)}`;
    await expect(decryptDoc(keys, { ...one, ct: flipped })).rejects.toBeInstanceOf(TamperedError);
  });

  it('are bound to the version they hold: relabelled with another clock or as not deleted, they fail', async () => {
    const { keys } = await createKeyRing('correct horse battery staple');
    const deleted = await encryptDoc(keys, 'rA', { t: 'notes' }, { ...VERSION, d: 1 });
    expect(deleted).toMatchObject({ v: 2, c: VERSION.c, d: 1 });
    expect(await decryptDoc(keys, deleted)).toEqual({
      value: { t: 'notes' },
      version: { c: VERSION.c, d: 1 },
    });
    for (const relabelled of [
      { ...deleted, d: 0 },
      { ...deleted, c: '001790000000001:00000:d1' },
      { ...deleted, c: undefined, d: undefined },
      { ...deleted, v: 1 },
    ]) {
      await expect(decryptDoc(keys, relabelled)).rejects.toBeInstanceOf(TamperedError);
    }
  });

  it('written by earlier versions (format 1) are still read', async () => {
    const { keys } = await createKeyRing('correct horse battery staple');
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const additionalData = new TextEncoder().encode(`taiwa/1/${keys.dbId}/rA`);
    const plain = new TextEncoder().encode(JSON.stringify({ name: 'Aiko' }));
    const ct = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData },
      keys.data,
      plain,
    );
    const old = {
      _id: 'rA',
      v: 1,
      kid: keys.kid,
      iv: toBase64(iv),
      ct: toBase64(new Uint8Array(ct)),
    };
    expect(await decryptDoc(keys, old)).toEqual({ value: { name: 'Aiko' }, version: undefined });
    await expect(decryptDoc(keys, { ...old, v: 2, c: VERSION.c, d: 0 })).rejects.toBeInstanceOf(
      TamperedError,
    );
  });

  it('have server ids that are stable per record and reveal neither table nor id', async () => {
    const { keys } = await createKeyRing('correct horse battery staple');
    const id = await docIdFor(keys, 'people', 'p1');
    expect(await docIdFor(keys, 'people', 'p1')).toBe(id);
    expect(await docIdFor(keys, 'notes', 'p1')).not.toBe(id);
    expect(id).toMatch(/^r[\w-]{22}$/);
    const other = await createKeyRing('correct horse battery staple');
    expect(await docIdFor(other.keys, 'people', 'p1')).not.toBe(id);
  });
});

describe('failures in words', () => {
  it('tells the browser network errors apart', () => {
    expect(kindOfNetworkFailure('net::ERR_NAME_NOT_RESOLVED', true)).toBe('dns');
    expect(kindOfNetworkFailure('net::ERR_CERT_AUTHORITY_INVALID', true)).toBe('tls');
    expect(kindOfNetworkFailure('net::ERR_SSL_PROTOCOL_ERROR', true)).toBe('tls');
    expect(kindOfNetworkFailure('net::ERR_CONNECTION_REFUSED', true)).toBe('refused');
    expect(kindOfNetworkFailure('net::ERR_INTERNET_DISCONNECTED', true)).toBe('offline');
    expect(kindOfNetworkFailure('net::ERR_CONNECTION_TIMED_OUT', true)).toBe('timeout');
    // No code and no host access: the server refused the extension's origin.
    expect(kindOfNetworkFailure(undefined, false)).toBe('cors');
    expect(kindOfNetworkFailure(undefined, true)).toBe('refused');
  });

  it('names HTTP statuses', () => {
    expect([401, 403, 404, 413, 429, 500, 502, 418].map(kindOfStatus)).toEqual([
      'unauthorized',
      'forbidden',
      'not-found',
      'too-large',
      'rate-limited',
      'server',
      'server',
      'bad-response',
    ]);
  });

  it('accepts HTTPS anywhere and plain HTTP only on this machine', () => {
    expect(checkServerUrl('https://couch.example.com/').href).toBe('https://couch.example.com/');
    expect(checkServerUrl('http://localhost:5984').host).toBe('localhost:5984');
    expect(checkServerUrl('http://127.0.0.1:5984').host).toBe('127.0.0.1:5984');
    for (const bad of [
      'http://couch.example.com',
      'ftp://x',
      'http://192.168.1.2:5984',
      'https://u:p@x.com',
    ]) {
      expect(() => checkServerUrl(bad), bad).toThrow();
    }
  });
});

describe('back-off', () => {
  it('doubles from 30 s to at most 30 min, with ±50 % jitter', () => {
    expect(backoffMs(1, 0.5)).toBe(30_000);
    expect(backoffMs(2, 0.5)).toBe(60_000);
    expect(backoffMs(1, 0)).toBe(15_000);
    expect(backoffMs(1, 0.999)).toBeLessThan(45_000);
    expect(backoffMs(30, 0.5)).toBe(30 * 60_000);
  });
});
