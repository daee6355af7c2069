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

/**
 * The host permission pattern for a sync server: its scheme and host, any port. Firefox refuses a
 * port in a match pattern ("Cannot request origin permission for http://127.0.0.1:5984/* since
 * it was not declared in the manifest", checked in 153); Chrome reads a pattern without one as
 * any port. So both grant, check and give back the same thing: that one host.
 */
export function hostPattern(server: URL | string): string {
  const url = new URL(server);
  return `${url.protocol}//${url.hostname}/*`;
}

/** CouchDB's rule for database names. */
export const DB_NAME_PATTERN = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

/** Shortest passphrase accepted for a new data set: it alone guards the server copy. */
export const MIN_PASSPHRASE = 10;
