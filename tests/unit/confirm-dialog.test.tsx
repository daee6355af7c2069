import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '@/components/confirm-dialog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

/** A page with an opener button, as the callers have: the dialog shows while `open`. */
function Page(props: { onConfirm?: () => void; cancelLabel?: string; withCheckbox?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-testid="opener" onClick={() => setOpen(true)}>
        Delete
      </button>
      <input data-testid="elsewhere" />
      {open && (
        <ConfirmDialog
          message="Delete Aiko?"
          detail="This cannot be undone."
          cancelLabel={props.cancelLabel}
          onCancel={() => setOpen(false)}
          confirmLabel="Delete for good"
          confirmTestId="confirm"
          danger
          onConfirm={() => {
            props.onConfirm?.();
            setOpen(false);
          }}
        >
          {props.withCheckbox && <input type="checkbox" data-testid="sure" />}
        </ConfirmDialog>
      )}
    </>
  );
}

const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const dialog = () => container.querySelector<HTMLElement>('[role="alertdialog"]');

function open() {
  const opener = byTestId('opener')!;
  opener.focus();
  act(() => opener.click());
}

function pressEscape() {
  act(() => {
    document.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
    );
  });
}

describe('ConfirmDialog', () => {
  it('is labelled by its question and described by its detail', () => {
    act(() => root.render(<Page cancelLabel="Cancel" />));
    open();
    const box = dialog()!;
    const label = document.getElementById(box.getAttribute('aria-labelledby')!);
    const description = document.getElementById(box.getAttribute('aria-describedby')!);
    expect(label?.textContent).toBe('Delete Aiko?');
    expect(description?.textContent).toBe('This cannot be undone.');
    expect(byTestId('confirm')!.className).toBe('danger');
  });

  it('moves focus to its first control: the safe choice where there is one', () => {
    act(() => root.render(<Page cancelLabel="Cancel" />));
    open();
    expect(document.activeElement?.textContent).toBe('Cancel');
  });

  it('moves focus to what must be done first', () => {
    act(() => root.render(<Page withCheckbox />));
    open();
    expect(document.activeElement).toBe(byTestId('sure'));
  });

  it('moves focus to the confirm button when it is the only control', () => {
    act(() => root.render(<Page />));
    open();
    expect(document.activeElement).toBe(byTestId('confirm'));
  });

  it('cancels on Escape and gives focus back to what opened it', () => {
    const onConfirm = vi.fn();
    act(() => root.render(<Page cancelLabel="Cancel" onConfirm={onConfirm} />));
    open();
    pressEscape();
    expect(dialog()).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(byTestId('opener'));
  });

  it('gives focus back after the cancel and the confirm buttons too', () => {
    const onConfirm = vi.fn();
    act(() => root.render(<Page cancelLabel="Cancel" onConfirm={onConfirm} />));
    open();
    act(() => (document.activeElement as HTMLElement).click());
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(byTestId('opener'));
    open();
    act(() => byTestId('confirm')!.click());
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(byTestId('opener'));
  });

  it('leaves focus alone when the user has moved on elsewhere', () => {
    act(() => root.render(<Page cancelLabel="Cancel" />));
    open();
    byTestId('elsewhere')!.focus();
    act(() => byTestId('confirm')!.click());
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(byTestId('elsewhere'));
  });
});
