/**
 * Measurement probes that run inside the page, the same for Parley and the
 * peer. Bundled as an IIFE and installed as `window.__bench`.
 *
 * "Painted" means: the element is in the DOM, then the rendering (style,
 * layout, paint) of the frame that shows it has finished — taken as the first
 * task after that frame's requestAnimationFrame callbacks (a MessageChannel
 * message posted from inside them). The frame that shows it is the next one,
 * or, when the element was put in the DOM by an animation frame callback (as
 * CodeMirror draws its layers), the frame that callback belongs to.
 */

interface Armed {
  kind: 'click' | 'keydown';
  start: number | null;
  /** Settles when the watched selector reached its state and the frame showing it was rendered. */
  result: Promise<{ domAt: number; frameAt: number; frameBegan: number; paintAt: number; nextBegan: number }>;
  /** The frame clock running from `arm` until the result is taken. */
  clock: FrameClock;
}

/**
 * Counts animation frames: a requestAnimationFrame loop keeping each frame's
 * timestamp (when the frame began, on the display's vsync grid).
 */
interface FrameClock {
  /** Frame start times seen so far, oldest first. */
  began: number[];
  /** Settles once the clock has seen a few frames, enough to know the frame interval. */
  ready: Promise<void>;
  /** While a frame's animation frame callbacks run (before its rendering): that frame's start time; else null. */
  open: number | null;
  stop(): void;
}

/** Frames a clock sees before it is ready. */
const CLOCK_WARM_UP_FRAMES = 4;

function startFrameClock(): FrameClock {
  let running = true;
  let isReady = () => {};
  const clock: FrameClock = { began: [], ready: new Promise((resolve) => (isReady = resolve)), open: null, stop: () => (running = false) };
  const tick = (ts: number) => {
    if (!running) return;
    clock.began.push(ts);
    // Registered a frame ahead, this callback runs before any the page asks for during the frame before.
    clock.open = ts;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (clock.open === ts) clock.open = null;
    };
    channel.port2.postMessage(0);
    if (clock.began.length === CLOCK_WARM_UP_FRAMES) isReady();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return clock;
}

/**
 * Frames from an event at `start` to the frame that showed its result, on the
 * grid of frame starts `began`, judged by when the frame after it began
 * (`nextBegan`): 1 when the first frame that began after the event showed it
 * and its rendering was done in time for the next frame to begin on the grid,
 * 2 when the result, or the frame after it, came one frame later, and so on.
 * A frame that began late, because the main thread was busy, still counts
 * every frame start it missed.
 *
 * Not judged by a task posted after the frame's rendering: after a key or a
 * click, Chromium holds back timers, posted messages and even `user-blocking`
 * tasks until that frame has been presented (DeferRendererTasksAfterInput),
 * so such a task could run after the next frame had begun while the main
 * thread sat idle — traces showed rendering done at +19 ms and the task run
 * at +30 ms. Animation frame callbacks are not held back.
 */
function framesToPaint(began: readonly number[], start: number, nextBegan: number): { frames: number; interval: number } {
  const gaps: number[] = [];
  for (let i = 1; i < began.length; i++) gaps.push(began[i]! - began[i - 1]!);
  gaps.sort((a, b) => a - b);
  // The vsync interval: the smallest gap seen often (a busy frame only makes gaps longer).
  const interval = gaps.length > 0 ? gaps[Math.floor(gaps.length / 4)]! : 1000 / 60;
  const before = began.filter((t) => t <= start);
  // The first frame start after the event, on the grid through the last frame start before it.
  const anchor = before[before.length - 1];
  const first = anchor === undefined ? (began.find((t) => t > start) ?? start) : anchor + Math.max(1, Math.ceil((start - anchor) / interval)) * interval;
  return { frames: Math.max(1, Math.round((nextBegan - first) / interval)), interval };
}

interface PaintResult {
  /** Start event's `timeStamp` (same clock as performance.now). */
  start: number;
  /** When the element was first seen in the DOM. */
  domAt: number;
  /** When that frame's animation frame callbacks ran (its rendering follows). */
  frameAt: number;
  /** When the frame showing it had been rendered. */
  paintAt: number;
  /** That frame's start time (its requestAnimationFrame timestamp). */
  frameBegan: number;
  /** Start time of the frame after the one showing it. */
  nextBegan: number;
  /** Frame intervals from the start event to the frame showing it (see `framesToPaint`); 1 = shown in the first frame after the event. */
  frames: number;
  /** Animation frames whose callbacks ran between the start event and the one that showed the result, included. */
  framesRun: number;
  /** The frame interval the count was taken with, ms. */
  frameInterval: number;
}

interface ScrollResult {
  /** rAF-to-rAF intervals, ms. */
  intervals: number[];
  /** Main-thread time of each frame: frame start (rAF timestamp) to the end of its rendering, ms. */
  work: number[];
  scrolledPx: number;
}

let armed: Armed | null = null;

/** The frame after now: when its animation frame callbacks ran (`frameAt`), and when its rendering had finished (`paintAt`). */
function nextFrame(): Promise<{ frameAt: number; frameBegan: number; paintAt: number }> {
  return new Promise((resolve) => {
    requestAnimationFrame((frameBegan) => {
      const frameAt = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ frameAt, frameBegan, paintAt: performance.now() });
      channel.port2.postMessage(0);
    });
  });
}

/** The rendering of the frame whose animation frame callbacks are running now (it follows them). */
function thisFrame(frameBegan: number): Promise<{ frameAt: number; frameBegan: number; paintAt: number }> {
  const frameAt = performance.now();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve({ frameAt, frameBegan, paintAt: performance.now() });
    channel.port2.postMessage(0);
  });
}

function afterNextPaint(): Promise<number> {
  return nextFrame().then((f) => f.paintAt);
}

/** The start time of the first frame the clock saw after the one that began at `began`, once it has begun. */
async function frameAfter(clock: FrameClock, began: number): Promise<number> {
  for (;;) {
    const next = clock.began.find((t) => t > began);
    if (next !== undefined) return next;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Resolves when `test()` holds, checked now and after every DOM mutation; rejects after `timeoutMs`. */
function whenDom(test: () => boolean, timeoutMs: number): Promise<number> {
  if (test()) return Promise.resolve(performance.now());
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!test()) return;
      const at = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve(at);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

const probes = {
  /**
   * Before a user action: remembers the timeStamp of the next click or keydown
   * anywhere in the page (capture phase, before the app sees it), and starts
   * watching for `selector` to match (or stop matching) and for the frame
   * that shows it. Watching starts here, in the page, so the time the test
   * process takes to ask for the result is not counted. Settles once the
   * frame clock has seen a few frames.
   */
  async arm(kind: 'click' | 'keydown', selector: string, present = true, timeoutMs = 60_000): Promise<void> {
    armed?.clock.stop();
    const clock = startFrameClock();
    const entry: Armed = { kind, start: null, result: Promise.resolve({ domAt: 0, frameAt: 0, frameBegan: 0, paintAt: 0, nextBegan: 0 }), clock };
    // A change made during a frame's animation frame callbacks (CodeMirror draws its layers there) is
    // painted by that frame's rendering; one made in any other task, by the next frame's.
    let seenInFrame: number | null = null;
    const reached = () => {
      if (entry.start === null || (document.querySelector(selector) !== null) !== present) return false;
      seenInFrame = clock.open;
      return true;
    };
    entry.result = whenDom(reached, timeoutMs).then(async (domAt) => {
      const shown = seenInFrame !== null ? await thisFrame(seenInFrame) : await nextFrame();
      return { domAt, ...shown, nextBegan: await frameAfter(clock, shown.frameBegan) };
    });
    // A run that fails before `paintOf` is called must not leave an unhandled rejection behind.
    entry.result.catch(() => undefined);
    armed = entry;
    const listener = (event: Event) => {
      entry.start = event.timeStamp;
      window.removeEventListener(kind, listener, true);
    };
    window.addEventListener(kind, listener, true);
    await entry.clock.ready;
  },

  /** After `arm` and the user action: the times of the action, of the change in the DOM and of the frame that showed it. */
  async paintOf(): Promise<PaintResult> {
    const entry = armed;
    if (!entry) throw new Error('nothing was armed');
    const { domAt, frameAt, frameBegan, paintAt, nextBegan } = await entry.result.finally(() => entry.clock.stop());
    const start = entry.start;
    if (start === null) throw new Error('the start event was not seen');
    const { frames, interval } = framesToPaint(entry.clock.began, start, nextBegan);
    const framesRun = entry.clock.began.filter((t) => t > start && t <= frameBegan).length;
    return { start, domAt, frameAt, paintAt, frameBegan, nextBegan, frames, framesRun, frameInterval: interval };
  },

  /** Waits until `selector` matches (or stops matching), without timing it. */
  async settle(selector: string, present = true, timeoutMs = 60_000): Promise<void> {
    await whenDom(() => (document.querySelector(selector) !== null) === present, timeoutMs);
    await afterNextPaint();
  },

  /**
   * Scrolls `selector` (or the window when null) by `stepPx` in each of
   * `frames` animation frames, wrapping to the top at the end, and records the
   * frame intervals and each frame's main-thread time.
   */
  scroll(selector: string | null, frames: number, stepPx: number): Promise<ScrollResult> {
    const el = selector ? document.querySelector<HTMLElement>(selector) : (document.scrollingElement as HTMLElement);
    if (!el) return Promise.reject(new Error(`no scroller ${selector}`));
    const intervals: number[] = [];
    const work: number[] = [];
    let scrolled = 0;
    let previous: number | null = null;
    return new Promise((resolve) => {
      const frame = (ts: number) => {
        if (previous !== null) intervals.push(ts - previous);
        previous = ts;
        const max = el.scrollHeight - el.clientHeight;
        const before = el.scrollTop;
        el.scrollTop = before + stepPx > max ? 0 : before + stepPx;
        scrolled += Math.abs(el.scrollTop - before);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          work.push(performance.now() - ts);
          if (work.length >= frames) resolve({ intervals, work, scrolledPx: scrolled });
          else requestAnimationFrame(frame);
        };
        channel.port2.postMessage(0);
      };
      requestAnimationFrame(frame);
    });
  },

  /** Screen points just inside the first and last character of the first occurrence of `needle` in one text node under `rootSelector`. */
  pointsOf(rootSelector: string, needle: string): { start: { x: number; y: number }; end: { x: number; y: number } } | null {
    const root = document.querySelector(rootSelector);
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + 1);
      const first = range.getClientRects()[0]!;
      range.setStart(n, at + needle.length - 1);
      range.setEnd(n, at + needle.length);
      const last = range.getClientRects()[0]!;
      return { start: { x: first.left + 1, y: first.top + first.height / 2 }, end: { x: last.right - 1, y: last.top + last.height / 2 } };
    }
    return null;
  },
};

declare global {
  interface Window {
    __bench: typeof probes;
  }
}

window.__bench = probes;
