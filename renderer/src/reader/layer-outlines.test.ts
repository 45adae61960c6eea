import { describe, expect, it } from 'vitest';
import { outlineStyles, outlineStyleSheet } from './layer-outlines';

describe('layer outlines', () => {
  it('gives each layer its own style in order, cycling after four', () => {
    const styles = outlineStyles(['colleague:Ben', 'colleague:Cleo', 'reconciled', 'colleague:Dae', 'colleague:Eun']);
    expect([...styles.values()]).toEqual(['dashed', 'dotted', 'double', 'solid', 'dashed']);
  });

  it('escapes layer ids made from colleagues’ names, quotes and backslashes included', () => {
    const sheet = outlineStyleSheet(outlineStyles(['colleague:Ben "B" \\ 김', 'colleague:x\ny']));
    expect(sheet).toContain('[data-layer="colleague:Ben \\"B\\" \\\\ 김"] { outline-style: dashed; }');
    expect(sheet).toContain('[data-layer="colleague:x\\a y"] { outline-style: dotted; }');
    expect(sheet.split('\n')).toHaveLength(2);
  });
});
