/**
 * Puts a message on the clipboard from the page the user clicked in (an extension page or
 * frame, never a Google page): as HTML and plain text together, so a mail or Slack keeps its
 * lists and headings and a plain-text field gets clean text. Falls back to plain text, and
 * says so; false when the browser allowed neither.
 */
export async function copyMessage(message: {
  text: string;
  html: string;
}): Promise<'rich' | 'plain' | false> {
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/plain': new Blob([message.text], { type: 'text/plain' }),
        'text/html': new Blob([message.html], { type: 'text/html' }),
      }),
    ]);
    return 'rich';
  } catch {
    try {
      await navigator.clipboard.writeText(message.text);
      return 'plain';
    } catch {
      return false;
    }
  }
}
