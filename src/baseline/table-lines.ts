import { safeCell } from '../outputs/violations.js';

/** A violation as a baseline reads it: which rule and defect, where, and the value it carried. */
export interface BaselineLine {
  readonly rule: string;
  readonly code: string;
  readonly row?: number | undefined;
  readonly key?: string | undefined;
  readonly field?: string | undefined;
  readonly value?: string | undefined;
}

/**
 * Whether a violation is about the table rather than one record: it names neither a row nor a record key (a row
 * count, a stale table, an expected value absent, a header defect). A baseline compares these by their value.
 * @example tableLevel({ rule: 'rowCount', code: 'too_few_rows', value: '200' }) // true
 */
export function tableLevel(v: BaselineLine): boolean {
  return v.row === undefined && (v.key ?? '') === '';
}

/** How a table-level finding of the run stands against one line of the baseline. */
export type TableJudgement = 'known' | 'worse' | 'other';

/**
 * The findings whose value is a measure, and when the measure is worse: fewer records where there were too few,
 * more where there were too many, an older newest date in a stale table. Any other table-level finding is known
 * only with the same value (an expected value absent is another defect when another value is absent).
 */
const MEASURED: Readonly<Record<string, { parse(text: string): number | undefined; worse(now: number, was: number): boolean }>> = {
  too_few_rows: { parse: wholeNumber, worse: (now, was) => now < was },
  too_many_rows: { parse: wholeNumber, worse: (now, was) => now > was },
  stale_table: { parse: instant, worse: (now, was) => now < was },
};

/**
 * Judges a table-level finding of the run against a baseline line of the same rule, code and field: `known` when
 * it is not worse, `worse` when its measure is (or the line has no measure to compare with: a baseline written before
 * ddss recorded one), `other` when it is a different finding. Any other finding is known only with an equal value;
 * a measure this run cannot read (a date of a personal column, masked: every masked date looks alike) is never known.
 * @example judgeTableLine('too_few_rows', '200', '2000') // 'worse'
 */
export function judgeTableLine(code: string, now: string | undefined, was: string | undefined): TableJudgement {
  const m = Object.hasOwn(MEASURED, code) ? MEASURED[code] : undefined;
  if (m === undefined) return cellOf(now) === cellOf(was) ? 'known' : 'other';
  const n = now === undefined ? undefined : m.parse(now);
  if (n === undefined) return 'other';
  const w = was === undefined ? undefined : m.parse(was);
  return w === undefined || m.worse(n, w) ? 'worse' : 'known';
}

/**
 * A measure's value as the baseline recorded it, or undefined when it recorded none that reads as one (an older
 * ddss wrote no record count).
 * @example recordedMeasure('too_few_rows', '2000') // '2000'
 */
export function recordedMeasure(code: string, was: string | undefined): string | undefined {
  const m = Object.hasOwn(MEASURED, code) ? MEASURED[code] : undefined;
  return m === undefined || was === undefined || m.parse(was) === undefined ? undefined : was;
}

/**
 * The table-level lines of a baseline, grouped by rule, code and field (and by value too, for findings whose value is
 * not a measure), each with its value. They are few (rules × expected values), so they are kept as they are.
 */
export class TableLines {
  private readonly byId = new Map<string, TableLine[]>();
  private size = 0;

  /** Lines held. */
  get count(): number {
    return this.size;
  }

  /** Adds one table-level line. */
  add(line: BaselineLine): void {
    const value = line.value === undefined || line.value === '' ? undefined : safeCell(line.value);
    const id = idOf(line, measured(line.code) ? undefined : value);
    const list = this.byId.get(id) ?? [];
    if (list.length === 0) this.byId.set(id, list);
    list.push({ index: this.size++, value });
  }

  /**
   * The lines a violation of the run may be judged against, in file order: those of its rule, code and field, and
   * of its value unless the value is a measure. `index` numbers the lines from 0 across all.
   */
  of(v: BaselineLine): readonly TableLine[] {
    return this.byId.get(idOf(v, measured(v.code) ? undefined : cellOf(v.value))) ?? [];
  }
}

/** A table-level line of a baseline: its number among them, and its value as a violations file writes it. */
export interface TableLine {
  readonly index: number;
  readonly value: string | undefined;
}

/**
 * Whether a finding's value is a measure a baseline compares (`too_few_rows`, `too_many_rows`, `stale_table`), rather
 * than part of what the finding is.
 * @example measured('stale_table') // true
 */
export function measured(code: string): boolean {
  return Object.hasOwn(MEASURED, code);
}

function idOf(v: BaselineLine, value: string | undefined): string {
  return JSON.stringify([v.rule, v.code, safeCell(v.field ?? ''), value ?? '']);
}

function cellOf(value: string | undefined): string {
  return safeCell(value ?? '');
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}

function instant(text: string): number | undefined {
  // Only the form ddss writes (toISOString): a masked or hand-edited date is not a measure.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/.test(text)) return undefined;
  const t = Date.parse(text);
  return Number.isFinite(t) ? t : undefined;
}
