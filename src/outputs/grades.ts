import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { safeCell } from './violations.js';
import { whenDrained } from './_when-drained.js';
import { csvText, jsonLine } from './_escape.js';
import type { RecordGrade } from '../core/grades.js';

/**
 * The columns of a grades file, in their fixed order; NDJSON objects use the same names and order.
 * @example GRADE_COLUMNS.join(',') // the CSV header line
 */
export const GRADE_COLUMNS = [
  'row', 'line', 'key', 'correct', 'sufficient', 'clean', 'live', 'overall',
  'findings_correct', 'findings_sufficient', 'findings_clean', 'findings_live', 'rules',
] as const;

/** Receives graded records one by one (e.g. as `onRecord`) and flushes them on `close`. */
export interface GradeSink {
  /**
   * Queues one record; never throws (a write error is reported by `close`). Returns a Promise while the target is
   * full, resolved once it has room: as `onRecord`, it makes the run wait for a slow disk.
   */
  write(record: RecordGrade): Promise<void> | undefined;
  /** Writes what is queued, ends the target and resolves once it is all flushed. */
  close(): Promise<void>;
}

/** Options of `gradeSink`. */
export interface GradeFileOptions {
  readonly format: 'csv' | 'ndjson';
  /** Start CSV output with a UTF-8 byte-order mark (default true). */
  readonly bom?: boolean;
  /** Only records with at least one error or warning finding (default true); false: every record. */
  readonly findingsOnly?: boolean;
  /** The fields of `values` (the run's `gradeColumns`): CSV columns after `rules`; NDJSON keeps the `values` object. */
  readonly columns?: readonly string[];
  /**
   * NDJSON of one shard (`K/N`): each line starts with `"shard":"K/N"`, since its rows and lines count within the
   * shard and only `ddss merge --grades` makes them the input's (`ddss worklist` refuses such a file).
   */
  readonly shard?: string;
}

// Lines are gathered into chunks of about this many characters: one write per record would cost a syscall each.
const CHUNK = 64 * 1024;

/**
 * A sink writing graded records as CSV (formula-guarded like violation files, control characters shown as `\uXXXX`
 * (`csvText`); a grade with no applicable rule is an empty cell, rule ids joined by `;`) or NDJSON (nulls kept), one
 * line per record in the order given.
 * @example
 * const sink = gradeSink('grades.csv', { format: 'csv' });
 * await validate(parcels, readCsv('parcels.csv'), { onRecord: sink.write });
 * await sink.close();
 */
export function gradeSink(target: string | Writable, options: GradeFileOptions): GradeSink {
  const dest = typeof target === 'string' ? createWriteStream(target) : target;
  let failure: unknown;
  dest.on('error', (e: unknown) => { failure ??= e; });
  const full = whenDrained(dest);
  let pending: string[] = [];
  let chars = 0;
  const flush = () => {
    if (pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    chars = 0;
    dest.write(chunk);
  };
  const push = (line: string) => {
    pending.push(line);
    chars += line.length;
    if (chars >= CHUNK) flush();
  };
  const columns = options.columns ?? [];
  if (options.format === 'csv') {
    const header = [...GRADE_COLUMNS, ...columns].map((c) => csvCell(c)).join(',');
    push(`${options.bom === false ? '' : '\ufeff'}${header}\n`);
  }
  const findingsOnly = options.findingsOnly ?? true;
  return {
    write(g) {
      if (failure !== undefined) return undefined;
      if (!(findingsOnly && g.rules.length === 0)) push(options.format === 'csv' ? csvLine(g, columns) : ndjsonLine(g, options.shard));
      return full();
    },
    async close() {
      if (failure === undefined) {
        flush();
        const done = once(dest, 'finish').catch((e: unknown) => { failure ??= e; });
        dest.end();
        await done;
        if (typeof target === 'string' && failure === undefined && !dest.closed) await once(dest, 'close');
      }
      if (failure !== undefined) throw failure;
    },
  };
}

function values(g: RecordGrade): Record<(typeof GRADE_COLUMNS)[number], string | number | null | undefined> {
  return {
    row: g.row, line: g.line, key: g.key,
    correct: g.grades.correct, sufficient: g.grades.sufficient, clean: g.grades.clean, live: g.grades.live,
    overall: g.overall,
    findings_correct: g.findings.correct, findings_sufficient: g.findings.sufficient,
    findings_clean: g.findings.clean, findings_live: g.findings.live,
    rules: g.rules.join(';'),
  };
}

function csvLine(g: RecordGrade, columns: readonly string[]): string {
  const v = values(g);
  const cells = [...GRADE_COLUMNS.map((c) => csvCell(v[c])), ...columns.map((c) => csvCell(g.values?.[c]))];
  return `${cells.join(',')}\n`;
}

function csvCell(x: string | number | null | undefined): string {
  if (x === undefined || x === null) return '';
  if (typeof x === 'number') return String(x);
  // Shown escaped as text output shows them: a key of ESC sequences recoloured the terminal of whoever ran `cat`.
  const safe = safeCell(csvText(x));
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function ndjsonLine(g: RecordGrade, shard: string | undefined): string {
  const v = values(g);
  const o: Record<string, unknown> = shard === undefined ? {} : { shard };
  for (const c of GRADE_COLUMNS) {
    const x = c === 'rules' ? g.rules : v[c];
    if (x !== undefined) o[c] = x;
  }
  if (g.values !== undefined) o.values = g.values;
  return jsonLine(o);
}

/**
 * A graded record read back from a line of an NDJSON grades file (`JSON.parse` of what `gradeSink` wrote), or
 * undefined when the line is not one: `ddss merge --grades` joins the shards' files through it.
 * @example gradeFromLine(JSON.parse('{"row":0,"correct":1,…,"rules":[]}'))?.grades.correct // 1
 */
export function gradeFromLine(x: unknown): RecordGrade | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return undefined;
  const o = x as Record<string, unknown>;
  const { row, line, key, overall, rules, values } = o;
  const grades = { correct: o.correct, sufficient: o.sufficient, clean: o.clean, live: o.live };
  const findings = { correct: o.findings_correct, sufficient: o.findings_sufficient, clean: o.findings_clean, live: o.findings_live };
  const grade = (g: unknown): g is number | null => g === null || typeof g === 'number';
  if (typeof row !== 'number' || !grade(overall) || !Object.values(grades).every(grade)
    || !Object.values(findings).every((n) => typeof n === 'number') || !Array.isArray(rules)) return undefined;
  if ((line !== undefined && typeof line !== 'number') || (key !== undefined && typeof key !== 'string')) return undefined;
  if (values !== undefined && (typeof values !== 'object' || values === null || Array.isArray(values))) return undefined;
  return {
    row, ...(line === undefined ? {} : { line }), ...(key === undefined ? {} : { key }),
    grades: grades as RecordGrade['grades'], overall, findings: findings as RecordGrade['findings'], rules: rules as string[],
    ...(values === undefined ? {} : { values: values as RecordGrade['values'] & object }),
  };
}
