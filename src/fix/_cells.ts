/** A cell of a record's text: where it is, its value, and whether it was written quoted. */
export interface CellSpan {
  readonly start: number;
  readonly end: number;
  readonly value: string;
  readonly quoted: boolean;
}

/** A record's text cut into cells, and the line ending it had (kept as written). */
export interface RecordText {
  readonly cells: readonly CellSpan[];
  /** The text before the line ending. */
  readonly body: string;
  readonly eol: string;
  /**
   * Whether a quote stands anywhere but around a whole cell (text after a closing quote, a quote inside an unquoted
   * value): a stray quote, so which cell a value belongs to is a guess (`ddss fix` leaves such a record as it is).
   */
  readonly stray: boolean;
}

/**
 * Cuts one record's decoded text into cells with the reader's rules (`scanner.ts`): a quote opens a quoted value only
 * at the start of a cell, `""` inside it is a quote, text after the closing quote is kept; an unquoted value runs
 * to the next delimiter. Undefined for a record whose quoted value never closes (the reader did not read it either).
 * @example splitRecord('a,"b,c"\r\n', ',').cells.map((c) => c.value) // ['a', 'b,c']
 */
export function splitRecord(text: string, delimiter: string): RecordText | undefined {
  const eol = /\r\n$|\n$|\r$/.exec(text)?.[0] ?? '';
  const body = text.slice(0, text.length - eol.length);
  const cells: CellSpan[] = [];
  let stray = false;
  let s = 0;
  for (;;) {
    if (body[s] === '"') {
      let value = '';
      let i = s + 1;
      for (;;) {
        const q = body.indexOf('"', i);
        if (q < 0) return undefined;
        value += body.slice(i, q);
        if (body[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const d = body.indexOf(delimiter, i);
      const end = d < 0 ? body.length : d;
      if (end > i) stray = true;
      cells.push({ start: s, end, value: value + body.slice(i, end), quoted: true });
      if (d < 0) break;
      s = d + 1;
    } else {
      const d = body.indexOf(delimiter, s);
      const end = d < 0 ? body.length : d;
      const value = body.slice(s, end);
      if (value.includes('"')) stray = true;
      cells.push({ start: s, end, value, quoted: false });
      if (d < 0) break;
      s = d + 1;
    }
  }
  return { cells, body, eol, stray };
}

/**
 * The record's text with some cells replaced and everything else as written: a replaced cell is quoted when it was
 * quoted, or when its new value needs it (a delimiter, a quote, a line break, or it starts with a quote).
 * @example rewriteRecord(splitRecord('a, b\n', ',')!, new Map([[1, 'b']]), ',') // 'a,b\n'
 */
export function rewriteRecord(record: RecordText, changes: ReadonlyMap<number, string>, delimiter: string): string {
  let out = '';
  let at = 0;
  for (const [i, value] of [...changes.entries()].sort((a, b) => a[0] - b[0])) {
    const cell = record.cells[i];
    if (cell === undefined) continue;
    const quote = cell.quoted || value.includes(delimiter) || /["\r\n]/.test(value);
    out += record.body.slice(at, cell.start) + (quote ? `"${value.replace(/"/g, '""')}"` : value);
    at = cell.end;
  }
  return out + record.body.slice(at) + record.eol;
}
