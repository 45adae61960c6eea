/** Longest wait for a frame in `afterNextPaint` (no frames come while the window is hidden). */
const PAINT_WAIT_MS = 100;

/**
 * Settles once the next frame has been rendered (the first task after its
 * animation frame callbacks), or after `PAINT_WAIT_MS` if no frame comes. For
 * work that must not hold back a frame the window is about to show: the
 * reader settles a quickly answered tag after the frame that drew it pending,
 * and the app opens the first document after the frame that shows the
 * library.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, PAINT_WAIT_MS);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      // Then a task of its own, so whatever else was waiting for that frame's end runs first.
      channel.port1.onmessage = () => {
        clearTimeout(timer);
        setTimeout(resolve, 0);
      };
      channel.port2.postMessage(null);
    });
  });
}
