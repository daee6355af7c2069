import { readSettings } from './settings-store';
import { saveAction, saveGoal, saveNote, saveTemplate, setSeriesOverride } from './db/items';
import { createMeeting, deleteAgendaItem, saveAgendaItem, updateMeeting } from './db/meetings';
import { createPerson, updatePerson } from './db/people';
import { tombstone, writeTransaction } from './db/write';
import { FROM_PAGES, FROM_VIEWS, handle } from './handle';

/** Writes from Taiwa's own pages. Each runs in one transaction and notifies open views. */
export function setupWriteApi(): void {
  handle('createPerson', FROM_PAGES, async (fields) => {
    const { defaultCadence } = await readSettings();
    return writeTransaction((ctx) => createPerson(ctx, { cadence: defaultCadence, ...fields }));
  });
  handle('updatePerson', FROM_VIEWS, ({ id, patch }) =>
    writeTransaction((ctx) => updatePerson(ctx, id, patch)),
  );
  handle('createMeeting', FROM_VIEWS, (fields) =>
    writeTransaction((ctx) => createMeeting(ctx, fields)),
  );
  handle('updateMeeting', FROM_VIEWS, ({ id, patch }) =>
    writeTransaction((ctx) => updateMeeting(ctx, id, patch)),
  );
  handle('saveAgendaItem', FROM_VIEWS, ({ meetingId, item }) =>
    writeTransaction((ctx) => saveAgendaItem(ctx, meetingId, item)),
  );
  handle('deleteAgendaItem', FROM_VIEWS, ({ meetingId, itemId }) =>
    writeTransaction((ctx) => deleteAgendaItem(ctx, meetingId, itemId)),
  );
  handle('saveNote', FROM_VIEWS, ({ meetingId, kind, text }) =>
    writeTransaction((ctx) => saveNote(ctx, meetingId, kind, text)),
  );
  handle('createAction', FROM_VIEWS, (fields) =>
    writeTransaction((ctx) => saveAction(ctx, null, fields)),
  );
  handle('updateAction', FROM_VIEWS, ({ id, patch }) =>
    writeTransaction((ctx) => saveAction(ctx, id, patch)),
  );
  handle('createGoal', FROM_PAGES, (fields) =>
    writeTransaction((ctx) => saveGoal(ctx, null, fields)),
  );
  handle('updateGoal', FROM_VIEWS, ({ id, patch }) =>
    writeTransaction((ctx) => saveGoal(ctx, id, patch)),
  );
  handle('createTemplate', FROM_PAGES, (fields) =>
    writeTransaction((ctx) => saveTemplate(ctx, null, fields)),
  );
  handle('updateTemplate', FROM_PAGES, ({ id, patch }) =>
    writeTransaction((ctx) => saveTemplate(ctx, id, patch)),
  );
  handle('setSeriesOverride', FROM_PAGES, ({ seriesId, verdict }) =>
    writeTransaction((ctx) => setSeriesOverride(ctx, seriesId, verdict)),
  );
  handle('deleteRecord', FROM_PAGES, ({ table, id }) =>
    writeTransaction((ctx) => tombstone(ctx, table, id)),
  );
}
