import { describe, expect, it } from 'vitest';
import { rangeOptions } from './range-options.js';
import type { ValidateOptions } from '../core/types.js';

describe('rangeOptions', () => {
  it('forwards every option but functions and thread settings, including options it does not know', () => {
    const options = {
      now: new Date('2026-01-01'), locale: 'vi', maxSamplesPerRule: 7, showValues: true, failUnder: 0.9, piiKey: 'k',
      onViolation: () => undefined, workers: 4, minBytesPerWorker: 1,
      timeZone: 'Asia/Ho_Chi_Minh', // an option added after this module was written
      nested: { a: [1, 2] },
    } as ValidateOptions;
    const out = rangeOptions(options, '2026-01-01T00:00:00.000Z', 'shared');
    expect(out).toEqual({
      now: '2026-01-01T00:00:00.000Z', locale: 'vi', maxSamplesPerRule: 7, showValues: true, failUnder: 0.9,
      piiKey: 'shared', timeZone: 'Asia/Ho_Chi_Minh', nested: { a: [1, 2] },
    });
    // What a worker receives must survive structured cloning.
    expect(structuredClone(out)).toEqual(out);
  });

  it('leaves out options given as undefined', () => {
    expect(rangeOptions({ locale: undefined } as unknown as ValidateOptions, 'n', 'k')).toEqual({ now: 'n', piiKey: 'k' });
  });
});
