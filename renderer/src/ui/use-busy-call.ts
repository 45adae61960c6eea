import { useRef, useState } from 'react';
import { BusyCount } from './busy-count';

/**
 * The busy → call → result pattern of the app's dialogs and buttons:
 * `busy` is true while any call run through `whileBusy` is on its way, and
 * false again when the last has answered or failed.
 */
export function useBusyCall(): { busy: boolean; whileBusy<T>(call: () => Promise<T>): Promise<T> } {
  const [busy, setBusy] = useState(false);
  const count = useRef<BusyCount | null>(null);
  count.current ??= new BusyCount(setBusy);
  const counter = count.current;
  return { busy, whileBusy: (call) => counter.run(call) };
}
