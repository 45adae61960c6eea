/**
 * axe-core on the page as it is, for any spec: evaluated through the
 * DevTools protocol rather than added as a script tag, as the renderer's
 * Content-Security-Policy allows scripts from its own origin only.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on the page as it is; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Checks the page and fails with a readable list of what was found. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const found = await seriousViolations(page);
  expect(found.map((f) => `${state}: ${f.impact} ${f.id} (${f.help}) on ${f.targets.slice(0, 5).join(', ')}`)).toEqual([]);
}
