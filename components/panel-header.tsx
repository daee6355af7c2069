import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';

/**
 * The header of the two panels shown in Google's pages (prep panel, notes sidebar): Taiwa's icon,
 * the title, and the fold toggle for the body `bodyId`. Folding keeps the body mounted where the
 * caller wants typed text to survive it.
 */
export function PanelHeader(props: {
  titleId: string;
  title: ReactNode;
  bodyId: string;
  collapsed: boolean;
  onToggle: () => void;
  expandLabel: string;
  collapseLabel: string;
  toggleTestId: string;
}) {
  return (
    <header className="panel-header">
      <img src={browser.runtime.getURL('/icon/32.png')} alt="" width={20} height={20} />
      <h1 id={props.titleId} data-testid="page-title">
        {props.title}
      </h1>
      <button
        type="button"
        className="icon"
        aria-expanded={!props.collapsed}
        aria-controls={props.bodyId}
        aria-label={props.collapsed ? props.expandLabel : props.collapseLabel}
        data-testid={props.toggleTestId}
        onClick={props.onToggle}
      >
        {props.collapsed ? '▸' : '▾'}
      </button>
    </header>
  );
}
