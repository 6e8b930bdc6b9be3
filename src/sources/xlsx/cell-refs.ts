import { columnName, columnNumber } from './range.js';
import { wholeTags, type TypedCellScanner } from './typed-cells.js';

// A row or cell start tag (`<row …>`, `<c …>`, `<c/>`); a '<' never occurs inside a tag, which keeps the search linear.
const TAG = /<(row|c)(?=[\s/>])[^<>]*>/g;
// Such a tag without an `r` attribute: only a chunk holding one is rewritten.
const BARE = /<(?:row|c)(?=[\s/>])(?![^<>]*\sr\s*=)[^<>]*>/;
const ROW_R = /\sr\s*=\s*["'](\d{1,7})["']/;
const CELL_R = /\sr\s*=\s*["']([A-Z]{1,3})\d{1,7}["']/;

/**
 * A pass over a sheet's XML text that gives each row and cell without an `r` attribute the reference it stands for:
 * a row the number after the row before it, a cell the column after the cell before it in its row (ECMA-376 makes
 * `r` optional, and some generators leave it out; Excel reads such a sheet). Why: exceljs decodes every cell's `r`,
 * so such a sheet failed as "damaged … (Cannot read properties of undefined (reading 'length'))", or `Invalid
 * Address: ANaN` for a row. Chunks in which every row and cell has its `r` pass unchanged (only the last row and cell
 * are noted).
 * @example const s = cellRefs(); s.scan('<row><c t="s"><v>0</v></c><c><v>1</v></c></row>') // '<row r="1"><c r="A1" t="s">…<c r="B1">…'
 */
export function cellRefs(): TypedCellScanner {
  let row = 0;
  let col = 0;
  const tag = (t: string, name: string): string => {
    if (name === 'row') {
      const r = ROW_R.exec(t);
      col = 0;
      if (r !== null) {
        row = Number(r[1]);
        return t;
      }
      row++;
      return t.replace(/^<row/, `<row r="${row}"`);
    }
    const r = CELL_R.exec(t);
    if (r !== null) {
      col = columnNumber(r[1] as string);
      return t;
    }
    col++;
    return t.replace(/^<c/, `<c r="${columnName(col)}${row}"`);
  };
  const pass = (t: string): string => {
    if (BARE.test(t)) return t.replace(TAG, tag);
    // Nothing to add: note where the chunk leaves off (its last row, and its last cell in that row).
    const lastRow = t.lastIndexOf('<row');
    for (const m of t.slice(Math.max(0, lastRow)).matchAll(TAG)) tag(m[0], m[1] as string);
    return t;
  };
  return wholeTags(pass);
}
