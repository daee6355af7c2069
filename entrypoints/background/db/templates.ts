import type { Content, Template } from '@/utils/model/entities';
import { saveRecord, type WriteContext } from './write';

/** Creates or edits a note template. */
export async function saveTemplate(
  ctx: WriteContext,
  id: string | null,
  fields: Partial<Content<Template>>,
): Promise<Template> {
  return saveRecord(ctx, 'templates', id, fields, { create: !id });
}
