import type { TypedCellScanner } from './typed-cells.js';

/** What `sharedStringScanner` checks the references against, and how it fails. */
export interface SharedStringCheck {
  /** How many strings the workbook's shared-string table holds; undefined when it has none (`cellValue` says so). */
  readonly count: () => number | undefined;
  /** The error for a cell referring to a string beyond the table: `why` names the cell and the string. */
  readonly damaged: (why: string) => Error;
}

// The longest cell of a shared string worth holding back across chunks (`<c r="XFD1048576" s="…" t="s"><v>…</v></c>`
// with room for other attributes); a longer one is no shared-string cell of any writer.
const LONGEST_CELL = 1024;
const REF = /\sr="([A-Z]{1,3}\d{1,7})"/;
// A cell's tags may be named with a prefix (`<x:c …><x:v>0</x:v></x:c>`, as the .NET Open XML SDK writes).
const CELL_START = /<(?:[A-Za-z_][\w.-]*:)?c\s/y;
const V_START = /<(?:[A-Za-z_][\w.-]*:)?v>/y;
const V_END = /<\/(?:[A-Za-z_][\w.-]*:)?v>/g;
const LT = 60;
const GT = 62;
const V = 118;

/**
 * Fails the sheet at the first cell referring to a shared string the table does not hold (`<c t="s"><v>999</v></c>`
 * with fewer strings), or whose reference is no index. Why: exceljs looks the index up in its array of the strings,
 * gets `undefined` and reads the cell as empty, without a word; the sheet and its table disagree, so no text cell of
 * the sheet can be trusted, as with a table cut short: the workbook is damaged, naming the cell. A cell cut by the end
 * of a chunk is held back to the next one. Costs a string search for `t="s"` per chunk, and a few characters per text
 * cell.
 * @example const s = sharedStringScanner({ count: () => 3, damaged: (why) => new Error(why) }); s.scan('<c r="A2" t="s"><v>7</v></c>') // throws
 */
export function sharedStringScanner(check: SharedStringCheck): TypedCellScanner {
  let held = '';
  const look = (t: string, whole: boolean): string => {
    const count = check.count();
    if (count === undefined) return t;
    let from = 0;
    for (;;) {
      const at = t.indexOf('t="s"', from);
      if (at < 0) return whole ? t : holdTag(t);
      from = at + 5;
      // The form every writer uses, `t="s"><v>12</v>`, checked without looking back for the tag (a third of the time).
      if (t.charCodeAt(at + 5) === GT && t.charCodeAt(at + 6) === LT && t.charCodeAt(at + 7) === V && t.charCodeAt(at + 8) === GT) {
        const end = t.indexOf('<', at + 9);
        const index = end < 0 ? undefined : digits(t, at + 9, end);
        if (index !== undefined && index < count) continue;
      }
      const lt = t.lastIndexOf('<', at);
      if (lt < 0 || !matchesAt(CELL_START, t, lt)) continue;
      const gt = t.indexOf('>', at);
      const close = gt < 0 ? -1 : find(V_END, t, gt);
      if (gt < 0 || (t.charAt(gt - 1) !== '/' && close < 0)) {
        // Cut by the chunk's end: the rest of the cell comes with the next chunk.
        if (whole || t.length - lt > LONGEST_CELL) return t;
        held = t.slice(lt);
        return t.slice(0, lt);
      }
      if (t.charAt(gt - 1) === '/') continue; // `<c … t="s"/>`: no value, an empty cell
      let v = gt + 1;
      while (v < close && isSpace(t.charCodeAt(v))) v++;
      if (!matchesAt(V_START, t, v)) continue; // a formula cell (`<f>` first): exceljs reads its cached result, not a string
      const start = V_START.lastIndex;
      const end = t.indexOf('<', start);
      const index = digits(t, start, end);
      if (index !== undefined && index < count) continue;
      const text = t.slice(start, end).trim();
      const cell = REF.exec(t.slice(lt, gt))?.[1];
      const which = index === undefined ? `"${text.slice(0, 20)}", which is no number` : `number ${index + 1}`;
      throw check.damaged(`holds a cell${cell === undefined ? '' : ` (${cell})`} referring to shared string ${which}, but the ` +
        `shared-string table holds ${count} strings: the sheet and its text do not match (a damaged export)`);
    }
  };
  /** `t` without a tag cut by the chunk's end (its `t="s"` may be in the next chunk), which is held back. */
  const holdTag = (t: string): string => {
    const lt = t.lastIndexOf('<');
    if (lt < 0 || t.length - lt > LONGEST_CELL || t.includes('>', lt)) return t;
    held = t.slice(lt);
    return t.slice(0, lt);
  };
  return {
    scan(text) {
      const t = held === '' ? text : held + text;
      held = '';
      return look(t, false);
    },
    end() {
      const rest = held;
      held = '';
      return look(rest, true);
    },
  };
}

/** Whether sticky `re` matches `t` at `from` (its `lastIndex` is then where the match ends). */
function matchesAt(re: RegExp, t: string, from: number): boolean {
  re.lastIndex = from;
  return re.test(t);
}

/** Where global `re` first matches `t` from `from`, or -1. */
function find(re: RegExp, t: string, from: number): number {
  re.lastIndex = from;
  return re.exec(t)?.index ?? -1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The decimal number `t` holds from `from` to `to` (white space around it allowed, as exceljs' parseInt does). */
function digits(t: string, from: number, to: number): number | undefined {
  let a = from;
  let b = to;
  while (a < b && isSpace(t.charCodeAt(a))) a++;
  while (b > a && isSpace(t.charCodeAt(b - 1))) b--;
  if (a === b || b - a > 15) return undefined;
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    n = n * 10 + c;
  }
  return n;
}
