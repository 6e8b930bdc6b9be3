/**
 * Checks every report any test produces against the published JSON Schema (schema/report.schema.json), and that
 * its JSON is stable (serialising twice gives the same bytes). Registered for all tests in vitest.config.ts.
 */
import { afterEach, vi } from 'vitest';
import { assertValidReport } from '../_report-schema.js';
import type * as ReportModule from '../../src/core/report.js';

vi.mock('../../src/core/report.js', async (importOriginal) => {
  const original = await importOriginal<typeof ReportModule>();
  return {
    ...original,
    buildReport: vi.fn((...args: Parameters<typeof original.buildReport>) => {
      const report = original.buildReport(...args);
      assertValidReport(report);
      return report;
    }),
  };
});

// The wrapper records its calls, and files sharing a module graph (the unit project) would keep every report.
afterEach(() => {
  vi.clearAllMocks();
});
