import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { activeKeywords, keywordMatcher } from '@/utils/domain/classify';
import { onHostMessage } from '@/utils/messaging/host-protocol';
import { sendMessage } from '@/utils/messaging/protocol';

/**
 * Whether a title names a 1on1, by the user's keywords, kept current. Used so the grid's chips
 * can be filtered before anything is parsed or sent: a busy month re-renders hundreds of chips.
 * The keywords come from the background by message (settings are never in storage a content
 * script can read): asked once, then sent by the background whenever the user changes them.
 * Until they arrive, and if asking fails, the defaults apply.
 */
export function watchOneOnOneTitles(ctx: ContentScriptContext): (title: string) => boolean {
  let matches = keywordMatcher(activeKeywords({ keywords: [], includeMendan: false }));
  ctx.onInvalidated(
    onHostMessage('titleKeywords', ({ data }) => {
      matches = keywordMatcher(data);
    }),
  );
  sendMessage('getTitleKeywords', undefined).then(
    (keywords) => (matches = keywordMatcher(keywords)),
    () => undefined, // The service worker is starting: the defaults until the next change.
  );
  return (title) => matches(title);
}
