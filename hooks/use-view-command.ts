import { useEffect, useRef } from 'react';
import { subscribeToCommands, type ViewCommand } from '@/utils/messaging/changes';

/** Runs `run` when a keyboard shortcut pressed in this view's tab asks for `command`. */
export function useViewCommand(command: ViewCommand, run: () => void): void {
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const controller = new AbortController();
    subscribeToCommands((asked) => asked === command && runRef.current(), controller.signal);
    return () => controller.abort();
  }, [command]);
}
