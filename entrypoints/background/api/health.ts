import { healthReports, pageStructure, recordHealth } from '../health';
import type { Handler } from './serve';

/** A content script says what it could not read on its Google page (or that all is well). */
export const reportHealth: Handler<'reportHealth'> = async (report, sender) => {
  const tabId = sender.tab?.id;
  if (tabId !== undefined) await recordHealth(tabId, report);
};

export const getHealth: Handler<'getHealth'> = () => healthReports();

export const getPageStructure: Handler<'getPageStructure'> = ({ tabId }) => pageStructure(tabId);
