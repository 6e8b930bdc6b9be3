import { describe, expect, it } from 'vitest';
import { sparkline } from './_sparkline.js';

describe('sparkline', () => {
  it('draws a series on its own range, a null as a gap', () => {
    expect(sparkline([0.9, 0.92, null, 0.95])).toBe('▁▄·█');
  });

  // A history's window is the caller's to set (withHistory's `window`): Math.min(...series) overflowed the stack
  // past about 120,000 runs.
  it('draws a series of 300,000 runs', () => {
    const line = sparkline(Array.from({ length: 300_000 }, (_, i) => (i % 2 === 0 ? 0.5 : 1)));
    expect(line).toHaveLength(300_000);
    expect(line.slice(0, 4)).toBe('▁█▁█');
  });
});
