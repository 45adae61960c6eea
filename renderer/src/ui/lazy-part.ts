import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// React's own bound for what `lazy` accepts: a component taking any props.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

/** A component loaded from its own chunk the first time it is drawn, or earlier through `preload`. */
export type LazyPart<T extends AnyComponent> = LazyExoticComponent<T> & { preload: () => Promise<T> };

/**
 * Wraps a dynamic import of a named export as a `React.lazy` component. The import runs once,
 * whether `preload` or the first render asks for it; a failed load throws where the part is drawn, as `React.lazy` does.
 */
export function lazyPart<T extends AnyComponent>(load: () => Promise<T>): LazyPart<T> {
  let loading: Promise<T> | null = null;
  const loadOnce = () => (loading ??= load());
  return Object.assign(
    lazy(() => loadOnce().then((component) => ({ default: component }))),
    { preload: loadOnce },
  );
}
