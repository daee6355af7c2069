import { storage } from 'wxt/utils/storage';

/** Whether the user folded the prep panel away; remembered across events and sessions. */
export const collapsedItem = storage.defineItem<boolean>('local:prepPanelCollapsed', {
  fallback: false,
});
