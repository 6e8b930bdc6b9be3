import { describe, expect, it } from 'vitest';
import { withHistory } from './with-history.js';
import { historyEntry } from './history-entry.js';
import { defineDataset, field, validate } from '../index.js';
import type { Report } from '../core/types.js';

const now = new Date('2026-11-22T00:00:00Z');
const report: Report = await validate(defineDataset({ name: 'p', fields: { id: field.text().required() } }), [{ id: 'a' }], { now });
const entry = historyEntry(report, { name: 'p.csv' });

describe('withHistory refuses arguments it cannot read, naming them', () => {
  // null where the entries go (no history yet) failed as "Cannot read properties of null (reading 'filter')".
  it.each<[string, () => unknown, RegExp]>([
    ['null entries', () => withHistory(report, null as never, 'h', { name: 'f' }), /earlier must be a list of history entries .*got null/],
    ['an entry of null', () => withHistory(report, [entry, null] as never, 'h'), /earlier\[1\] is not a history entry .*got null/],
    ['an entry without input', () => withHistory(report, [{ ...entry, input: undefined }] as never, 'h'), /earlier\[0\] is not a history entry/],
    ['no report', () => withHistory(null as never, [], 'h'), /report must be a report .*got null/],
    // The runs compared with are those dated before the report: without its date every run was left out, unsaid.
    ['a report without its date', () => withHistory({ ...report, now: undefined } as never, [entry], 'h'), /report\.now must be the run's date-time .*got undefined/],
    ['a name that is not text', () => withHistory(report, [], 5 as never), /name must be the history's name, a text, got number/],
    ['an input that is not an object', () => withHistory(report, [], 'h', 'p.csv' as never), /input must be \{ name, bytes\?, sha256\? \}, got string/],
    ['a misspelt threshold', () => withHistory(report, [], 'h', undefined, { windwo: 3 } as never),
      /"windwo" is not an option of withHistory thresholds \(did you mean "window"\?\)/],
  ])('%s → TypeError', (_what, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });

  it('judges a report against its entries as before', () => {
    const judged = withHistory(report, [entry, entry, entry], 'h', { name: 'p.csv' }, { minRuns: 3 });
    expect(judged.history?.runs).toBe(3);
    expect(judged.rules.find((r) => r.id === 'history.row_count_drop')?.checked).toBe(1);
  });
});
