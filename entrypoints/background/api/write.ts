import { readSettings } from '../settings-store';
import { saveAction } from '../db/actions';
import { saveGoal } from '../db/goals';
import { saveNote as saveNoteDb } from '../db/notes';
import { saveTemplate } from '../db/templates';
import {
  createMeeting as createMeetingDb,
  deleteAgendaItem as deleteAgendaItemDb,
  saveAgendaItem as saveAgendaItemDb,
  updateMeeting as updateMeetingDb,
} from '../db/meetings';
import { createPerson as createPersonDb, updatePerson as updatePersonDb } from '../db/people';
import { tombstone, writeTransaction } from '../db/write';
import type { Handler } from './serve';

/* Writes from Taiwa's pages. Each runs in one transaction and notifies open views. */

export const createPerson: Handler<'createPerson'> = async (fields) => {
  const { defaultCadence } = await readSettings();
  return writeTransaction((ctx) => createPersonDb(ctx, { cadence: defaultCadence, ...fields }));
};

export const updatePerson: Handler<'updatePerson'> = ({ id, patch }) =>
  writeTransaction((ctx) => updatePersonDb(ctx, id, patch));

export const createMeeting: Handler<'createMeeting'> = (fields) =>
  writeTransaction((ctx) => createMeetingDb(ctx, fields));

export const updateMeeting: Handler<'updateMeeting'> = ({ id, patch }) =>
  writeTransaction((ctx) => updateMeetingDb(ctx, id, patch));

export const saveAgendaItem: Handler<'saveAgendaItem'> = ({ meetingId, item }) =>
  writeTransaction((ctx) => saveAgendaItemDb(ctx, meetingId, item));

export const deleteAgendaItem: Handler<'deleteAgendaItem'> = ({ meetingId, itemId }) =>
  writeTransaction((ctx) => deleteAgendaItemDb(ctx, meetingId, itemId));

export const saveNote: Handler<'saveNote'> = ({ meetingId, kind, text }) =>
  writeTransaction((ctx) => saveNoteDb(ctx, meetingId, kind, text));

export const createAction: Handler<'createAction'> = (fields) =>
  writeTransaction((ctx) => saveAction(ctx, null, fields));

export const updateAction: Handler<'updateAction'> = ({ id, patch }) =>
  writeTransaction((ctx) => saveAction(ctx, id, patch));

export const createGoal: Handler<'createGoal'> = (fields) =>
  writeTransaction((ctx) => saveGoal(ctx, null, fields));

export const updateGoal: Handler<'updateGoal'> = ({ id, patch }) =>
  writeTransaction((ctx) => saveGoal(ctx, id, patch));

export const createTemplate: Handler<'createTemplate'> = (fields) =>
  writeTransaction((ctx) => saveTemplate(ctx, null, fields));

export const updateTemplate: Handler<'updateTemplate'> = ({ id, patch }) =>
  writeTransaction((ctx) => saveTemplate(ctx, id, patch));

export const deleteRecord: Handler<'deleteRecord'> = ({ table, id }) =>
  writeTransaction((ctx) => tombstone(ctx, table, id));
