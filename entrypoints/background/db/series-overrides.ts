import { saveRecord, tombstone, type WriteContext } from './write';

/** The user's verdict for a calendar series; 'auto' removes it. */
export async function setSeriesOverride(
  ctx: WriteContext,
  seriesId: string,
  verdict: 'always' | 'never' | 'auto',
): Promise<void> {
  if (verdict === 'auto') return tombstone(ctx, 'seriesOverrides', seriesId);
  await saveRecord(ctx, 'seriesOverrides', seriesId, { verdict }, { create: true, revive: true });
}
