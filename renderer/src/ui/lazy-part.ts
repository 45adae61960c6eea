import { createElement, lazy, useState, type ComponentProps, type ComponentType, type ReactNode } from 'react';

// React's own bound for what `lazy` accepts: a component taking any props.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

/** A component loaded from its own chunk the first time it is drawn, or earlier through `preload`. */
export type LazyPart<T extends AnyComponent> = ((props: ComponentProps<T>) => ReactNode) & { preload: () => Promise<T> };

/**
 * Wraps a dynamic import of a named export as a component loaded on demand. The import runs once,
 * whether `preload` or the first render asks for it; a failed load throws where the part is drawn, as `React.lazy` does.
 * A part first drawn after its code arrived (it was preloaded) is drawn at once, without the Suspense fallback;
 * one drawn before goes through `React.lazy` and stays that way while it is mounted, so it is never remounted.
 */
export function lazyPart<T extends AnyComponent>(load: () => Promise<T>): LazyPart<T> {
  let loading: Promise<T> | null = null;
  let loaded: T | null = null;
  const loadOnce = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  const Lazy = lazy(() => loadOnce().then((component) => ({ default: component })));
  function Part(props: ComponentProps<T>): ReactNode {
    const [Shown] = useState<AnyComponent>(() => loaded ?? Lazy);
    return createElement(Shown, props);
  }
  return Object.assign(Part, { preload: loadOnce });
}
