import { describe, expect, it } from 'vitest';
import { agreementShade, barDomain, barExtent, trackPosition } from './agreement-scale';

describe('agreementShade', () => {
  it('shades a figure by its size', () => {
    expect(agreementShade(0.75)).toEqual({ tone: 'agree', strength: 0.75 });
    expect(agreementShade(0)).toEqual({ tone: 'agree', strength: 0 });
    expect(agreementShade(1)).toEqual({ tone: 'agree', strength: 1 });
  });

  it('gives figures below chance a tone of their own, capped at full strength', () => {
    expect(agreementShade(-0.25)).toEqual({ tone: 'below-chance', strength: 0.25 });
    expect(agreementShade(-3)).toEqual({ tone: 'below-chance', strength: 1 });
  });

  it('leaves undefined figures unshaded', () => {
    expect(agreementShade(null)).toEqual({ tone: 'undefined', strength: 0 });
    expect(agreementShade(Number.NaN)).toEqual({ tone: 'undefined', strength: 0 });
  });
});

describe('barDomain', () => {
  it('is [0, 1] unless a figure is below zero', () => {
    expect(barDomain([0.2, null, 1])).toEqual([0, 1]);
    expect(barDomain([0.2, -0.1])).toEqual([-1, 1]);
    expect(barDomain([])).toEqual([0, 1]);
  });
});

describe('barExtent', () => {
  it('runs from zero to the value on a [0, 1] track', () => {
    expect(barExtent(0.6, [0, 1])).toEqual({ left: 0, width: 60, zero: 0 });
  });

  it('runs leftwards from a centred axis for a negative value', () => {
    const bar = barExtent(-0.5, [-1, 1])!;
    expect(bar.zero).toBe(50);
    expect(bar.left).toBe(25);
    expect(bar.width).toBe(25);
    expect(barExtent(0.5, [-1, 1])).toEqual({ left: 50, width: 25, zero: 50 });
  });

  it('clamps values outside the domain', () => {
    expect(barExtent(-2, [-1, 1])).toEqual({ left: 0, width: 50, zero: 50 });
    expect(barExtent(-0.3, [0, 1])).toEqual({ left: 0, width: 0, zero: 0 });
  });

  it('draws nothing for an undefined figure or a domain without zero', () => {
    expect(barExtent(null, [0, 1])).toBeNull();
    expect(barExtent(0.5, [0.2, 1])).toBeNull();
    expect(barExtent(0.5, [1, 1])).toBeNull();
  });
});

describe('trackPosition', () => {
  it('places a value on the track in percent, clamped to its ends', () => {
    expect(trackPosition(0.25, [0, 1])).toBe(25);
    expect(trackPosition(0, [-1, 1])).toBe(50);
    expect(trackPosition(1.4, [0, 1])).toBe(100);
    expect(trackPosition(-0.2, [0, 1])).toBe(0);
  });

  it('has no place for an undefined figure or on a track without width', () => {
    expect(trackPosition(null, [0, 1])).toBeNull();
    expect(trackPosition(0.5, [1, 1])).toBeNull();
  });
});
