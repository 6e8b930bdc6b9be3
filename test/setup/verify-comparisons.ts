/**
 * Checks every comparison report any test produces (API or CLI, in-process) against the published JSON Schema
 * (schema/comparison.schema.json) and its invariants. Registered for all tests in vitest.config.ts.
 */
import { afterEach, vi } from 'vitest';
import { assertValidComparison } from '../_comparison-schema.js';
import type * as CompareModule from '../../src/compare/compare.js';

vi.mock('../../src/compare/compare.js', async (importOriginal) => {
  const original = await importOriginal<typeof CompareModule>();
  return {
    ...original,
    compare: vi.fn(async (...args: Parameters<typeof original.compare>) => {
      const report = await original.compare(...args);
      assertValidComparison(report);
      return report;
    }),
  };
});

// The wrapper records its calls, and files sharing a module graph (the unit project) would keep every report.
afterEach(() => {
  vi.clearAllMocks();
});
