import type { ReactNode } from 'react';
import type { ActionItem } from '@/utils/model/entities';
import { sideLabel } from '@/utils/pages/labels';

/**
 * One action item with its checkbox, the same row in the notes, the popup and the history:
 * whose it is (when the view mixes both sides), its text, then what the view adds (due date,
 * person, meeting).
 */
export function ActionRow(props: {
  item: ActionItem;
  onToggle: (done: boolean) => void;
  showOwner?: boolean;
  children?: ReactNode;
}) {
  const { item } = props;
  return (
    <li data-testid="action-item" data-done={item.done}>
      <label>
        <input
          type="checkbox"
          checked={item.done}
          onChange={(e) => props.onToggle(e.target.checked)}
        />
        {props.showOwner && (
          <span className="owner" data-owner={item.owner}>
            {sideLabel(item.owner)}
          </span>
        )}
        <span className="grow">{item.text}</span>
        {props.children}
      </label>
    </li>
  );
}
