/** What the bench drives: Parley or the peer, measured the same way. */
import type { Page } from 'playwright-core';
import type { BenchCase } from './generate';

/** A start event and the frame that showed its result (see page-probes.ts). */
export interface PaintResult {
  start: number;
  domAt: number;
  /** When the frame's animation frame callbacks ran; its rendering took `paintAt - frameAt`. */
  frameAt: number;
  /** The first task after that frame's rendering that Chromium ran (it may hold such tasks back until the frame is presented). */
  paintAt: number;
  /** Start time of the frame after the one that showed the result. */
  nextBegan: number;
  /** Frame intervals from the start event to the frame showing the result, judged by when the frame after it began: 1 when the first frame that began after the event showed it, rendered in time. */
  frames: number;
  /** Animation frames that ran from the start event to the one that showed the result, included. */
  framesRun: number;
  /** The page's frame interval, ms. */
  frameInterval: number;
}

/** Frame intervals and per-frame main-thread time while scrolling. */
export interface ScrollResult {
  intervals: number[];
  work: number[];
  scrolledPx: number;
}

/** One implementation under test. */
export interface Subject {
  name: string;
  page: Page;
  /** Gets ready for a row (the document is not open afterwards). */
  prepare(c: BenchCase): Promise<void>;
  /** Opens the row's document and times it to the first frame with marks. */
  open(): Promise<PaintResult>;
  /** With the document open: selects `word` and presses the tag key; times key to the painted mark. */
  tag(word: string): Promise<PaintResult>;
  /** Removes the mark `tag` added. */
  untag(): Promise<void>;
  scroll(frames: number, stepPx: number): Promise<ScrollResult>;
  scrollTop(): Promise<void>;
  close(): Promise<void>;
}
