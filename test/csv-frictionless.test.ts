import { describe, expect, it } from 'vitest';
import { collect, fixture } from './fixtures/csv/_collect.js';

// The structural errors frictionless-py asserts for its fixtures (resource/__spec__/test_validate.py, commit 44661ad;
// its rows count the header as row 1, as our lines do), as ddss issues: `code@line` and the 1-based column(s).
// Frictionless reports one error per extra cell; ddss reports one extra_cell per row, whose params count the cells.
const expected: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['invalid.csv', ['blank_header@1 col 3', 'duplicate_header@1 col 4', 'missing_cell@2 col 3', 'missing_cell@2 col 4',
    'missing_cell@3 col 3', 'missing_cell@3 col 4', 'blank_row@4', 'extra_cell@5 col 5-5']],
  ['blank-headers.csv', ['blank_header@1 col 2']],
  ['duplicate-headers.csv', ['duplicate_header@1 col 3', 'duplicate_header@1 col 5']],
  ['defective-rows.csv', ['missing_cell@2 col 3', 'extra_cell@3 col 4-4']],
  ['blank-rows.csv', ['blank_row@4']],
  ['blank-rows-multiple.csv', Array.from({ length: 11 }, (_, i) => `blank_row@${4 + i}`)],
  ['structure-errors.csv', ['blank_row@4', 'extra_cell@5 col 4-6']],
  ['latin1.csv', ['invalid_encoding@3 col 2']],
  // frictionless-py: [['source-error', 'the source is empty']] (test_validate_no_data).
  ['empty.csv', ['empty@-']],
  ['blank-cells.csv', []],
  ['without-rows.csv', []],
  ['table.csv', []],
  ['bom.csv', []],
  ['leading-zeros.csv', []],
  ['escaping.csv', []],
];

describe('Frictionless conformance fixtures', () => {
  it.each(expected)('%s gives the errors frictionless-py expects', async (name, errors) => {
    const got = await collect(fixture(`frictionless/${name}`));
    const shown = got.raw.map((i) => {
      const p = (i.params ?? {}) as Record<string, number>;
      const col = i.code === 'extra_cell' ? ` col ${p.column}-${p.cells}`
        : i.code === 'invalid_encoding' ? ` col ${(got.columns ?? []).indexOf(i.field as string) + 1}`
          : p.column !== undefined ? ` col ${p.column}` : '';
      return `${i.code}@${i.line ?? '-'}${col}`;
    });
    expect(shown).toEqual(errors);
  });

  it('reads an empty file as no columns, no rows, 0 records and a read error, as frictionless-py does', async () => {
    const got = await collect(fixture('frictionless/empty.csv'));
    expect([got.columns, got.rows.length, got.info.records]).toEqual([undefined, 0, 0]);
    expect(got.info.error).toBe('the input is empty (0 bytes)');
  });

  it.each([
    ['leading-zeros.csv', [['01'], ['002'], ['00003']]],
    ['bom.csv', [['1', 'english'], ['2', '中国人']]],
    ['without-rows.csv', []],
  ] as const)('keeps the values of %s exactly', async (name, rows) => {
    expect((await collect(fixture(`frictionless/${name}`))).rows).toEqual(rows);
  });
});
