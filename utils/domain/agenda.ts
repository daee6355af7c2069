import type { AgendaItem, Relationship, Side } from '@/utils/model/entities';

/**
 * Who the protagonist of the 1on1 is. The relationship says what the other person is to the
 * user: when they are the user's manager or mentor, the user is the member.
 */
export function memberSide(relationship: Relationship): Side {
  return relationship === 'my-manager' || relationship === 'mentor' ? 'me' : 'them';
}

/** The member's topics first, then the user's manual order, then oldest first. */
export function orderAgenda(items: readonly AgendaItem[], member: Side): AgendaItem[] {
  return [...items].sort(
    (a, b) =>
      Number(b.author === member) - Number(a.author === member) ||
      a.order - b.order ||
      a.createdAt - b.createdAt,
  );
}
