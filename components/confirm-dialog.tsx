import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * The one way Taiwa asks "are you sure?" before something that cannot be taken back (delete a
 * person, forget sync, create or replace the server's database). It stays inline, below what
 * opened it, rather than covering the page, and behaves as an alert dialog should: focus moves
 * into it (to its first control, so the safe choice comes first where there is one), Escape
 * cancels, focus goes back to what opened it, and it is labelled by its question and described
 * by its detail.
 */
export function ConfirmDialog(props: {
  /** The question; it labels the dialog. */
  message: ReactNode;
  /** A second text that describes the consequences, when there is one. */
  detail?: ReactNode;
  /** What the user must also do before confirming (e.g. an "I am sure" checkbox). */
  children?: ReactNode;
  confirmLabel: string;
  confirmTestId: string;
  onConfirm: () => void;
  confirmDisabled?: boolean;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
  /** Shows a cancel button with this text; Escape cancels either way. */
  cancelLabel?: string;
  onCancel: () => void;
}) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && !dialog.contains(active) ? active : null;
    (dialog.querySelector<HTMLElement>(FOCUSABLE) ?? dialog).focus();
    return () => {
      // Give focus back only if it is still ours (inside the dialog, or lost with it), and only
      // to an opener that is still on the page.
      const now = document.activeElement;
      const ours = !now || now === document.body || dialog.contains(now);
      if (ours && opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <div
      ref={ref}
      className="confirm"
      role="alertdialog"
      aria-labelledby={`${id}-message`}
      aria-describedby={props.detail ? `${id}-detail` : undefined}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
        event.preventDefault();
        event.stopPropagation();
        props.onCancel();
      }}
    >
      <p id={`${id}-message`}>{props.message}</p>
      {props.detail && (
        <p id={`${id}-detail`} className="muted small">
          {props.detail}
        </p>
      )}
      {props.children}
      <div className="form-actions">
        {props.cancelLabel && (
          <button type="button" onClick={props.onCancel}>
            {props.cancelLabel}
          </button>
        )}
        <button
          type="button"
          className={props.danger ? 'danger' : undefined}
          data-testid={props.confirmTestId}
          disabled={props.confirmDisabled}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </div>
  );
}
