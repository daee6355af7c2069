/**
 * The user's share of the talk time, in percent from 0 to 100 (not rounded), or null when nobody
 * was heard (or it was not measured). One formula for the live meter, the timeline, the charts
 * and the practice dashboard, so a call shows the same share everywhere; callers round as they
 * show it.
 *
 * `100 * self / total` rather than `self / total * 100`: one rounding instead of two, so a share
 * that is exactly half a point (23 s of 40 s: 57.5%) stays exact and rounds the same way in
 * every view.
 */
export function selfShare(
  selfMs: number | null | undefined,
  othersMs: number | null | undefined,
): number | null {
  const self = selfMs ?? 0;
  const total = self + (othersMs ?? 0);
  return total > 0 ? (100 * self) / total : null;
}
