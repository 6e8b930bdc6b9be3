import type { SourceIssue } from '../../core/source.js';
import { parseRange, type CellRange } from './range.js';
import { wholeTags, type TypedCellScanner } from './typed-cells.js';

const MERGE_CELL = /<mergeCell\s[^<>]*>/g;
const REF = /\sref="([A-Z]{1,3}\d{1,7}:[A-Z]{1,3}\d{1,7})"/;
// The ranges noted: a sheet merges a few; more are counted in the finding, not held.
const MAX_RANGES = 10_000;

/**
 * A pass over a sheet's XML text that notes in `ranges` each merged range (`<mergeCell ref="B3:B5"/>`, after the
 * sheet's rows), for `readXlsx` to say which of them lie in the data. Why: exceljs' reader passes them by, and a
 * merged range holds its value in its top-left cell only: the cells under a commune merged down three parcels read as
 * empty, reported missing with nothing to say why. Chunks without `<mergeCell` pass untouched.
 * @example const ranges = []; mergedCells(ranges).scan('<mergeCell ref="B3:B5"/>'); ranges // ['B3:B5']
 */
export function mergedCells(ranges: string[]): TypedCellScanner {
  return wholeTags((t) => {
    if (!t.includes('<mergeCell')) return t;
    for (const [tag] of t.matchAll(MERGE_CELL)) {
      const ref = REF.exec(tag)?.[1];
      if (ref !== undefined && ranges.length < MAX_RANGES) ranges.push(ref);
    }
    return t;
  });
}

// The ranges a finding names; the others are counted.
const NAMED = 10;

/**
 * The finding `merged_cells` (clean, warning) for the merged ranges of `ranges` with a cell in the data: in a row from
 * `dataFrom` on, and in `within` (the range read) when there is one. A merged title above the header is none. Its
 * `ranges` names the first ten (`B3:B5, D7:E7, … (12 more)`), its `count` all of them.
 * @example mergedCellsIssue(['A1:T1', 'B3:B5'], 3, undefined)?.params // { ranges: 'B3:B5', count: 1 }
 */
export function mergedCellsIssue(ranges: readonly string[], dataFrom: number, within: CellRange | undefined): SourceIssue | undefined {
  const found = ranges.filter((text) => {
    const m = parseRange(text);
    return m.bottom >= dataFrom && (within === undefined
      || (m.bottom >= within.top && m.top <= within.bottom && m.right >= within.left && m.left <= within.right));
  });
  if (found.length === 0) return undefined;
  const more = found.length > NAMED ? `, … (${String(found.length - NAMED)} more)` : '';
  return { code: 'merged_cells', criterion: 'clean', severity: 'warning', scope: 'file',
    params: { ranges: found.slice(0, NAMED).join(', ') + more, count: found.length } };
}
