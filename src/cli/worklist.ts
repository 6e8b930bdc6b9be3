import { createReadStream } from 'node:fs';
import { cliPath } from './_cli-path.js';
import { createInterface } from 'node:readline';
import { CRITERIA, type Criterion } from '../core/types.js';
import { safeCell } from '../outputs/violations.js';
import { csvText, markdownText, plainText } from '../outputs/_escape.js';
import { toWorklistHtml } from '../outputs/worklist-html.js';
import { gradeFromLine } from '../outputs/grades.js';
import { isRecordGrade } from '../parallel/check-state.js';
import { choice, parse, whole, reportFormat } from './_args.js';
import { CliError, EXIT, usage } from './_errors.js';
import { checkOutputs, outputPath, writeOutput } from './_files.js';
import type { CliIo } from './_io.js';
import { fileErrorText } from '../core/file-error-text.js';
import { WORKLIST_HELP } from './help.js';

/** One line of a `--grades` NDJSON file, as the worklist reads it. */
interface Graded {
  readonly row: number;
  readonly line?: number | undefined;
  readonly key?: string | undefined;
  readonly overall: number | null;
  readonly grades: Record<Criterion, number | null>;
  readonly findings: Record<Criterion, number>;
  readonly rules: readonly string[];
  /** The group's cell; null when empty. */
  readonly group: string | null;
}

/** A group's counts and its worst records (at most `top`, kept as the file is read, so memory stays bounded). */
interface Group {
  name: string | null;
  records: number;
  /** Records with at least one error or warning finding. */
  flagged: number;
  withFindings: Record<Criterion, number>;
  worst: Graded[];
}

const EMPTY_GROUP = '(empty)';

/**
 * `ddss worklist grades.ndjson [--by COL] [--top N] [--format text|csv|md|html] [--out FILE]`: the records of a
 * `--grades` file grouped by a column (`--grades-columns`), with per group the records with findings of each criterion
 * and the worst records first (lowest overall grade, then file order); `html` is a page a clerk can filter and sort.
 * Exit 0; 2 for a usage error or a damaged grades file; 3 for a grades file that cannot be read (not found, a directory).
 * @example await worklist(['grades.ndjson', '--by', 'commune_code', '--top', '20'], io)
 */
export async function worklist(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: v, positionals } = parse(argv, {
    by: { type: 'string' },
    top: { type: 'string' },
    groups: { type: 'string' },
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    locale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help === true) {
    io.stdout.write(WORKLIST_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw usage('worklist takes one grades file (written by ddss validate --grades x.ndjson)',
    'worklist nhận một tệp chấm điểm (do ddss validate --grades x.ndjson ghi)');
  const file = positionals[0] as string;
  if (!/\.(ndjson|jsonl)$/i.test(file)) throw usage(`worklist reads an NDJSON grades file (.ndjson or .jsonl), got "${file}"`,
    `worklist đọc một tệp chấm điểm NDJSON (.ndjson hoặc .jsonl), nhận được "${file}"`);
  const by = v.by;
  if (by === '') throw usage('--by needs a column name', '--by cần một tên cột');
  const top = whole('top', v.top, 1) ?? 10;
  const most = whole('groups', v.groups, 1);
  const format = reportFormat(v.format, v.out, ['text', 'csv', 'md', 'html'] as const, 'text');
  const locale = choice('locale', v.locale, ['en', 'vi'] as const, 'en');
  if (v.out === '') throw usage('--out needs a file name', '--out cần một tên tệp');
  const out = v.out === undefined ? undefined : outputPath('out', v.out, io.cwd);
  if (out !== undefined) await checkOutputs([out], cliPath(io.cwd, file), v.force === true);

  const groups = new Map<string, Group>();
  let n = 0;
  let last: { row: number; line: number } | undefined;
  const lines = createInterface({ input: createReadStream(cliPath(io.cwd, file), 'utf8'), crlfDelay: Infinity });
  try {
    for await (const read of lines) {
      n++;
      // A grades file saved by an editor that adds a UTF-8 BOM is still the file it was.
      const text = n === 1 && read.startsWith('\ufeff') ? read.slice(1) : read;
      if (text.trim() === '') continue;
      const g = graded(text, n, by, file);
      // A grades file lists each record once, in file order: a file joined to itself (or to another run's) listed
      // records twice, or mixed records of two inputs, without a word.
      if (last !== undefined && g.row <= last.row) throw outOfOrder(g.row, n, last);
      last = { row: g.row, line: n };
      const id = g.group ?? EMPTY_GROUP;
      let group = groups.get(id);
      if (group === undefined) {
        group = { name: g.group, records: 0, flagged: 0, withFindings: { correct: 0, sufficient: 0, clean: 0, live: 0 }, worst: [] };
        groups.set(id, group);
      }
      group.records++;
      if (g.rules.length > 0) group.flagged++;
      for (const c of CRITERIA) if (g.findings[c] > 0) group.withFindings[c]++;
      keepWorst(group.worst, g, top);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    // An input that cannot be read is exit 3 in every command (validate's input, profile's, history's), not a usage error.
    throw new CliError(`cannot read the grades file "${file}": ${fileErrorText(e)}`, EXIT.unevaluated,
      `không đọc được tệp chấm điểm "${file}": ${fileErrorText(e, { locale: 'vi' })}`);
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  let names = [...groups.keys()].sort(byName);
  // --groups N: the N groups with the most records with findings (ties by name), still listed by name.
  if (most !== undefined && most < names.length) {
    const flagged = (n: string) => (groups.get(n) as Group).flagged;
    names = [...names].sort((a, b) => flagged(b) - flagged(a) || byName(a, b)).slice(0, most).sort(byName);
  }
  const column = by ?? 'all';
  // An empty list reads alike for a register without findings and a file emptied by mistake: say what the file holds.
  // The file's name is data: in Markdown, escaped as Markdown (`<img …>` in a name rendered as HTML).
  const none = `no graded record in ${format === 'md' ? markdownText(file) : plainText(file)}: ddss validate --grades ` +
    'writes only the records with findings (--grades-all writes every one)\n';
  const result = groups.size === 0 && (format === 'text' || format === 'md') ? none
    : format === 'csv' ? csv(groups, names, column) : format === 'md' ? markdown(groups, names, by)
    : format === 'html' ? toWorklistHtml(names.map((n) => groups.get(n) as Group), { column: by, top, locale, source: file,
      ...(names.length < groups.size ? { of: groups.size } : {}) })
      : text(groups, names, by);
  if (out === undefined) io.stdout.write(result);
  else await writeOutput(out, result, v.force === true);
  return EXIT.ok;
}

/** Parses one line; a line that is not a graded record is a usage error naming the line. */
function graded(text: string, n: number, by: string | undefined, file: string): Graded {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw usage(`line ${n} of the grades file is not JSON`, `dòng ${n} của tệp chấm điểm không phải JSON`);
  }
  // A shard's rows and lines count within its shard: listed as they are, they sent a clerk to line 81 for a record
  // at line 16739. Only the merge numbers them in the whole input.
  const shard = typeof o === 'object' && o !== null ? o.shard : undefined;
  if (shard !== undefined) {
    throw usage(`${plainText(file)} is the grades file of shard ${plainText(String(shard))} (ddss validate --shard … --grades): its rows ` +
      'and lines count within the shard; join the shards with ddss merge part-*.ddss-state --grades FILE.ndjson and give worklist that file',
    `${plainText(file)} là tệp chấm điểm của phần ${plainText(String(shard))} (ddss validate --shard … --grades): số hàng và số dòng ` +
      'của nó được đếm trong phần đó; hãy ghép các phần bằng ddss merge part-*.ddss-state --grades TỆP.ndjson rồi đưa tệp đó cho worklist');
  }
  // Checked as merge --grades checks a shard's lines: grades from 0 to 1 (or null), whole counts, text values. A line
  // edited to "overall": 7 or "abc" was read as ungraded and sorted last, a line of "two" dropped, without a word.
  const g = gradeFromLine(o);
  if (g === undefined || !isRecordGrade(g, Number.MAX_SAFE_INTEGER)) {
    throw usage(`line ${n} of the grades file is not a graded record (written by ddss validate --grades x.ndjson)`,
      `dòng ${n} của tệp chấm điểm không phải một bản ghi đã chấm điểm (do ddss validate --grades x.ndjson ghi)`);
  }
  const values = g.values ?? {};
  if (by !== undefined && !Object.hasOwn(values, by)) {
    throw usage(`line ${n} of the grades file has no column "${by}": write it with ddss validate --grades-columns ${by}`,
      `dòng ${n} của tệp chấm điểm không có cột "${by}": hãy ghi cột đó bằng ddss validate --grades-columns ${by}`);
  }
  const cell = by === undefined ? 'all' : values[by];
  return {
    row: g.row, line: g.line, key: g.key, overall: g.overall, grades: g.grades, findings: g.findings, rules: g.rules,
    group: typeof cell === 'string' && cell !== '' ? cell : null,
  };
}

/** The error for a record listed again or out of file order: two grades files joined into one. */
function outOfOrder(row: number, n: number, last: { row: number; line: number }): CliError {
  return usage(row === last.row
    ? `line ${n} of the grades file grades row ${row} again (line ${last.line} did): a grades file lists each record once; ` +
      'this one holds records twice (a file joined to itself?)'
    : `line ${n} of the grades file grades row ${row} after row ${last.row} (line ${last.line}): a grades file lists its ` +
      'records in file order, so this one holds two files joined (of two runs or datasets?); give worklist the file of one run',
  row === last.row
    ? `dòng ${n} của tệp chấm điểm chấm lại hàng ${row} (dòng ${last.line} đã chấm): tệp chấm điểm liệt kê mỗi bản ghi một lần; ` +
      'tệp này chứa bản ghi hai lần (một tệp được nối với chính nó?)'
    : `dòng ${n} của tệp chấm điểm chấm hàng ${row} sau hàng ${last.row} (dòng ${last.line}): tệp chấm điểm liệt kê các bản ghi ` +
      'theo thứ tự trong tệp, nên tệp này là hai tệp nối lại (của hai lần chạy hoặc hai tập dữ liệu?); hãy đưa cho worklist tệp của một lần chạy');
}

/** Worst first: the lower overall grade (ungraded last), then the earlier row. */
function worse(a: Graded, b: Graded): number {
  const x = a.overall ?? 2;
  const y = b.overall ?? 2;
  return x !== y ? x - y : a.row - b.row;
}

function keepWorst(list: Graded[], g: Graded, top: number): void {
  if (list.length >= top && worse(g, list[list.length - 1] as Graded) >= 0) return;
  let i = list.length;
  while (i > 0 && worse(g, list[i - 1] as Graded) < 0) i--;
  list.splice(i, 0, g);
  if (list.length > top) list.pop();
}

const grade = (x: number | null) => (x === null ? '—' : String(x));
/** A group's heading: `commune_code 12056`, or `all records` without --by (it was "all all"). */
const heading = (by: string | undefined, name: string, esc: (s: string) => string) => (by === undefined ? 'all records' : `${esc(by)} ${esc(name)}`);
const records = (n: number) => `${n} record${n === 1 ? '' : 's'}`;

function text(groups: Map<string, Group>, names: readonly string[], by: string | undefined): string {
  const out: string[] = [];
  for (const name of names) {
    const g = groups.get(name) as Group;
    out.push(`${heading(by, name, plainText)}: ${records(g.records)} · ` +
      CRITERIA.map((c) => `${c} ${g.withFindings[c]}`).join(' · '));
    for (const r of g.worst) {
      out.push(`  row ${r.row}${r.line === undefined ? '' : ` (line ${r.line})`}${r.key === undefined ? '' : ` ${plainText(r.key)}`}` +
        `  overall ${grade(r.overall)}  ${CRITERIA.map((c) => `${c} ${grade(r.grades[c])}`).join(' ')}  ${plainText(r.rules.join(', '))}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const CSV_COLUMNS = ['group', 'row', 'line', 'key', 'overall', ...CRITERIA, 'rules'] as const;

function csv(groups: Map<string, Group>, names: readonly string[], column: string): string {
  const cell = (x: string | number | null | undefined) => {
    if (x === undefined || x === null) return '';
    // Control characters shown escaped, as the text and Markdown lists show them (terminal-escape injection).
    const s = safeCell(csvText(String(x)));
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [[column, ...CSV_COLUMNS.slice(1)].map(cell).join(',')];
  for (const name of names) {
    for (const r of (groups.get(name) as Group).worst) {
      lines.push([name, r.row, r.line, r.key, r.overall, ...CRITERIA.map((c) => r.grades[c]), r.rules.join(';')].map(cell).join(','));
    }
  }
  return `\ufeff${lines.join('\n')}\n`;
}

function markdown(groups: Map<string, Group>, names: readonly string[], by: string | undefined): string {
  const out: string[] = [];
  for (const name of names) {
    const g = groups.get(name) as Group;
    out.push(`## ${heading(by, name, markdownText)}`, '',
      `${records(g.records)}; with findings: ${CRITERIA.map((c) => `${c} ${g.withFindings[c]}`).join(', ')}.`, '',
      '| row | line | key | overall | correct | sufficient | clean | live | rules |', '|---|---|---|---|---|---|---|---|---|');
    for (const r of g.worst) {
      out.push(`| ${r.row} | ${r.line ?? ''} | ${markdownText(r.key ?? '')} | ${grade(r.overall)} | ` +
        `${CRITERIA.map((c) => grade(r.grades[c])).join(' | ')} | ${markdownText(r.rules.join(', '))} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
