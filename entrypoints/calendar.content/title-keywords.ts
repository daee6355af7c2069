import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { activeKeywords, keywordMatcher } from '@/utils/domain/classify';
import { sendMessage } from '@/utils/messaging/protocol';

/** The keywords are asked for again this often, and whenever the tab comes back into view. */
const REFRESH_MS = 5 * 60_000;

/**
 * Whether a title names a 1on1, by the user's keywords, kept current. Used so the grid's chips
 * can be filtered before anything is parsed or sent: a busy month re-renders hundreds of chips.
 * The keywords come from the background by message (settings are never in storage a content
 * script can read); until they arrive, and if asking fails, the defaults apply.
 */
export function watchOneOnOneTitles(ctx: ContentScriptContext): (title: string) => boolean {
  let matches = keywordMatcher(activeKeywords({ keywords: [], includeMendan: false }));
  const ask = () =>
    sendMessage('getTitleKeywords', undefined).then(
      (keywords) => (matches = keywordMatcher(keywords)),
      () => undefined, // The service worker is starting: the next ask gets them.
    );
  void ask();
  // The user changes keywords in the options page, another tab: asked again on the way back.
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') void ask();
  });
  ctx.setInterval(() => void ask(), REFRESH_MS);
  return (title) => matches(title);
}
