/**
 * The calendar feed's address as pasted, checked: HTTPS anywhere (a `webcal:` link is the same
 * address over HTTPS), plain HTTP only on this machine (localhost, 127.0.0.1), no login inside it
 * (fetch refuses those) and no fragment. The address itself is the secret that opens the
 * calendar, so it is never shown whole again once saved ({@link maskFeedUrl}).
 */
export function parseFeedUrl(text: string): URL | 'bad-url' | 'insecure-url' {
  const trimmed = text.trim().replace(/^webcals?:\/\//i, 'https://');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'bad-url';
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return 'insecure-url';
  if (url.username || url.password) return 'bad-url';
  url.hash = '';
  return url;
}

/**
 * What the settings show of a saved address: where it points (its host) and the file's name when
 * it has a plain one (`basic.ics`), never the secret part of the path or query.
 */
export function maskFeedUrl(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return '••••';
  }
  const last = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  const file = /^[a-z]{1,12}\.ics$/i.test(last) ? `/${last}` : '';
  return `${url.protocol}//${url.host}/••••${file}`;
}
