/**
 * Longer mail links are cut or refused by some systems' mail handlers (Windows passes about
 * 32,000 characters to the mail app): past this, the page offers Copy instead of a cut draft.
 */
export const MAILTO_MAX = 30_000;

/**
 * A `mailto:` link (RFC 6068) with the subject and body filled in; line breaks as CRLF, as mail
 * wants them. Null when it would be too long to open whole.
 */
export function mailtoUrl(to: string, subject: string, body: string): string | null {
  const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  const address = encodeURIComponent(to.trim()).replace(/%40/g, '@');
  const url = `mailto:${address}?subject=${encode(subject)}&body=${encode(body)}`;
  return url.length > MAILTO_MAX ? null : url;
}
