import type { CadenceStatus } from './cadence';

/** Why a person shows under "needs attention" in the popup. */
export type AttentionReason = 'overdue' | 'never-met' | 'many-actions' | 'condition-falling';

/** The reasons, most pressing first: a lapsed rhythm and a sliding condition before a pile-up. */
export const ATTENTION_ORDER: readonly AttentionReason[] = [
  'overdue',
  'condition-falling',
  'never-met',
  'many-actions',
];

/** Open action items from which a pile-up is worth a look (both owners counted). */
export const MANY_ACTIONS = 5;

/**
 * A falling condition: the latest score is at least two points under the best of the few before
 * it, or it fell three meetings in a row. One low day is not a trend; a slide is.
 */
export function conditionFalling(conditions: readonly (number | null)[]): boolean {
  const scored = conditions.filter((c): c is number => c !== null);
  const latest = scored.at(-1);
  if (latest === undefined || scored.length < 2) return false;
  const before = scored.slice(-4, -1);
  if (Math.max(...before) - latest >= 2) return true;
  const last = scored.slice(-4);
  return last.length === 4 && last.every((c, i) => i === 0 || c < (last[i - 1] ?? c));
}

/**
 * What makes a person need the user's attention now, in ATTENTION_ORDER: overdue by their
 * cadence, a falling condition, no 1on1 yet (with one planned, that is in hand), many open
 * action items. `conditions` are of the latest held 1on1s, oldest first.
 */
export function attentionReasons(person: {
  cadence: CadenceStatus;
  hasPlanned: boolean;
  openActions: number;
  conditions: readonly (number | null)[];
}): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (person.cadence === 'overdue') reasons.push('overdue');
  if (conditionFalling(person.conditions)) reasons.push('condition-falling');
  if (person.cadence === 'never-met' && !person.hasPlanned) reasons.push('never-met');
  if (person.openActions >= MANY_ACTIONS) reasons.push('many-actions');
  return reasons;
}
