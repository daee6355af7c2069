/**
 * The sync server's address as typed, checked: HTTPS anywhere, plain HTTP only on this machine
 * (localhost, 127.0.0.1), since the login travels with every request. No credentials, query or
 * fragment in it. Shared by the options page (to ask for access) and the background (to connect).
 */
export function parseServerUrl(text: string): URL | 'bad-url' | 'insecure-url' {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'bad-url';
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return 'insecure-url';
  if (url.username || url.password || url.search || url.hash) return 'bad-url';
  return url;
}

/** CouchDB's rule for database names. */
export const DB_NAME_PATTERN = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

/** Shortest passphrase accepted for a new data set: it alone guards the server copy. */
export const MIN_PASSPHRASE = 10;
