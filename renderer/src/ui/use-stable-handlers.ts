import { useLayoutEffect, useRef, useState } from 'react';

type Handlers = Record<string, (...args: never[]) => unknown>;

/**
 * Functions that stay the same from render to render and call the latest of
 * `handlers`, for the rows of a long memoized list: a parent's new arrow
 * functions would otherwise draw every row again on each of its renders.
 * They are for events, not for rendering: until the first commit they call
 * the handlers of the first render.
 */
export function useStableHandlers<T extends Handlers>(handlers: T): T {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const [stable] = useState(() => {
    const made: Handlers = {};
    for (const key of Object.keys(handlers)) made[key] = (...args: never[]) => latest.current[key]!(...args);
    return made as T;
  });
  return stable;
}
