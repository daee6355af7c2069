import { connectFeed, disconnectFeed, feedStatus, refreshFeed, setFeedSelf } from '../feed/runner';
import type { Handler } from './serve';

/*
 * The optional calendar feed: the week known without Calendar open. Set up and turned off from
 * the options page only (the address is a secret: policy.ts); its status is read by Taiwa's pages.
 */

export const getFeedStatus: Handler<'getFeedStatus'> = () => feedStatus();

export const feedConnect: Handler<'feedConnect'> = ({ url, selfEmail }) =>
  connectFeed(url, selfEmail);

export const feedSetSelf: Handler<'feedSetSelf'> = ({ selfEmail }) => setFeedSelf(selfEmail);

export const feedRefresh: Handler<'feedRefresh'> = () => refreshFeed('now');

export const feedDisconnect: Handler<'feedDisconnect'> = () => disconnectFeed();
