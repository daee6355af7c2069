import { useEffect } from 'react';
import type { HostName } from '@/utils/dom/frame-host';
import { sendMessage } from '@/utils/messaging/protocol';

/**
 * Asks for the iframe host to fit this page's content, whenever its height changes. The request
 * goes through the background to the tab's content script, never to Google's page.
 */
export function useFitHost(host: HostName): void {
  useEffect(() => {
    let last = -1;
    // The content's own height: the document's would never shrink below the frame it fills.
    const content = document.getElementById('root') ?? document.body;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(content.getBoundingClientRect().height);
      if (Math.abs(height - last) < 2) return;
      last = height;
      sendMessage('fitHost', { host, height: Math.min(height, 4000), at: performance.now() }).catch(
        () => undefined,
      );
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, [host]);
}
