/** Calls Parley's API from inside the page, as the renderer does, and unwraps the result. */
import type { Page } from 'playwright-core';
import type { Result } from '../../annotations/result';
import type { ApiInput, ApiOutputs, ParleyBridge } from '../../shared/api';
import type { PageMethod } from '../../shared/api-methods';

/** The value `method` returns for `input`; throws with the error's message if it fails. */
export async function call<M extends PageMethod>(page: Page, method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> {
  const result = (await page.evaluate(
    ([m, i]: [string, unknown]): Promise<unknown> => (window as unknown as { parley: ParleyBridge }).parley.api[m as PageMethod](i as never),
    [method, input] as [string, unknown],
  )) as Result<ApiOutputs[M]>;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value;
}
