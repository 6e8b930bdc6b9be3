import { describe, expect, it } from 'vitest';
import { withHistory } from './with-history.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyEntry, sameInput } from './history-entry.js';
import { readHistory } from './read-history.js';
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

// Every database run was named by its database: a query's 1,001 rows were judged against a table's 2,000.
describe('runs of another table or query are not judged with', () => {
  it('sameInput: a database input only with its own runs, a file with every file run of the dataset', () => {
    expect(sameInput('land/public.parcels', 'land/public.parcels')).toBe(true);
    expect(sameInput('land/public.parcels', 'land/query:1a2b3c4d5e6f')).toBe(false);
    expect(sameInput('land', 'land/public.parcels')).toBe(false); // a row written before tables were named
    expect(sameInput('parcels-2026-11-21.csv', 'parcels-2026-11-22.csv')).toBe(true);
    expect(sameInput('land/public.parcels', 'parcels.csv')).toBe(false);
  });

  it('withHistory leaves them out, and readHistory does not read them', async () => {
    const named = (name: string) => ({ ...entry, input: { name } });
    const judged = withHistory(report, [named('db/t'), named('db/t'), named('db/query:1'), named('db/query:1')], 'h', { name: 'db/t' }, { minRuns: 2 });
    expect(judged.history?.runs).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'ddss-history-'));
    try {
      const path = join(dir, 'h.ndjson');
      writeFileSync(path, ['db/t', 'db/query:1', 'a.csv', 'db', 'db/t'].map((n) => JSON.stringify(named(n))).join('\n'));
      expect((await readHistory(path, 'p', 10, undefined, 'db/t')).map((e) => e.input.name)).toEqual(['db/t', 'db/t']);
      expect((await readHistory(path, 'p', 10, undefined, 'b.csv')).map((e) => e.input.name)).toEqual(['a.csv', 'db']);
      expect(await readHistory(path, 'p', 10)).toHaveLength(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
