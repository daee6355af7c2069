import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';
import type { HostName } from '@/utils/dom/frame-host';
import type { HealthReport } from '@/utils/messaging/views';
import { ErrorLine } from '@/components/error-line';
import { HealthLine } from '@/components/health-line';
import { useFitHost } from '@/hooks/use-fit-host';

/**
 * The frame of the two panels shown inside Google's pages (the prep panel beside a Calendar card,
 * the notes sidebar beside a Meet call), so both fold, fit their host and report trouble the
 * same way: a header with Taiwa's icon, the title and the fold toggle; a body hidden while
 * folded; and, at its foot, the page's health line and the last failed write.
 *
 * The caller keeps the folded state (each panel remembers its own) and decides whether its
 * content stays mounted while folded: the sidebar keeps typed text across a fold, the panel
 * does not render what nobody sees.
 */
export function PanelShell(props: {
  /** The iframe host asked to fit this page's height. */
  host: HostName;
  /** The `<main>`'s classes (`panel`, plus the sidebar's own). */
  className: string;
  titleId: string;
  title: ReactNode;
  bodyId: string;
  collapsed: boolean;
  onToggle: () => void;
  expandLabel: string;
  collapseLabel: string;
  toggleTestId: string;
  /** Whose page's health the foot shows. */
  surface: HealthReport['surface'];
  children: ReactNode;
}) {
  useFitHost(props.host);
  return (
    <main className={props.className} aria-labelledby={props.titleId}>
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
      <div id={props.bodyId} hidden={props.collapsed}>
        {props.children}
        <HealthLine surface={props.surface} />
        <ErrorLine />
      </div>
    </main>
  );
}
