import { storage } from 'wxt/utils/storage';

/** Whether the user folded the notes sidebar away; remembered across calls. */
export const sidebarCollapsedItem = storage.defineItem<boolean>('local:notesSidebarCollapsed', {
  fallback: false,
});
