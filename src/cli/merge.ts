import { readFileSync } from 'node:fs';
import { cliPath } from './_cli-path.js';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { decodeShardHeader, decodeShardState, ShardStateError } from '../parallel/state-file.js';
import { mergeShards, planShards, type ShardPlan } from '../parallel/merge-shards.js';
import type { RangeOffset } from '../parallel/ordered-violations.js';
import { violationSink } from '../outputs/violations.js';
import type { ShardHeader, ShardState } from '../parallel/shard-state.js';
import type { Report, Violation } from '../core/types.js';
import { choice, parse, ratio, reportFormat } from './_args.js';
import { definitionFile } from './_dataset.js';
import { mergeDataset } from './_merge-dataset.js';
import { CliError, EXIT, usage } from './_errors.js';
import { tableFormat } from './_table-format.js';
import { appendedPath, checkOutputs, outputPath, stageOutput, type OutputPath } from './_files.js';
import type { CliIo } from './_io.js';
import { fileErrorText } from '../core/file-error-text.js';
import { commitAll, openOutputSink, type OutputSink } from './_output-sink.js';
import { render } from './_render.js';
import { joinShardLines, VIOLATION_LINES, type ShardLines } from './_shard-lines.js';
import { gradeFromLine, gradeSink } from '../outputs/grades.js';
import { isRecordGrade } from '../parallel/check-state.js';
import type { RecordGrade } from '../core/grades.js';
import { FORMATS } from './_validate-args.js';
import { _explain } from './_explain.js';
import { MERGE_HELP } from './help.js';
import { baselineTally } from '../baseline/apply-baseline.js';
import { openBaseline } from './_baseline.js';
import { HISTORY_FLAGS, historyArgs } from './_history-args.js';
import { historyTarget, requireHistoryReadable } from './_history.js';
import { isPostgresUrl } from './_postgres-args.js';
import { mergeHistory } from './_merge-judges.js';

const EXIT_BY_STATUS: Readonly<Record<Report['status'], number>> = {
  passed: EXIT.ok, warned: EXIT.ok, failed: EXIT.failed, error: EXIT.unevaluated,
};

/**
 * `ddss merge part-*.ddss-state --format F --out FILE [--violations FILE] [--grades FILE]`: the report of a run
 * validated in shards (and its violations and graded records joined), byte-identical to one `ddss validate` over the
 * whole input, with validate's exit codes; states that do not belong together exit 2, a state, violations or grades
 * file that is unreadable or altered exits 3 (DESIGN §7, docs/scale.md).
 * @example await merge(['part-1.ddss-state', 'part-2.ddss-state', '--format', 'json', '--out', 'report.json'], io)
 */
export async function merge(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: v, positionals } = parse(argv, {
    dataset: { type: 'string', short: 'd' },
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    violations: { type: 'string' },
    grades: { type: 'string' },
    'no-bom': { type: 'boolean' },
    force: { type: 'boolean' },
    'fail-under': { type: 'string' },
    'pii-key': { type: 'string' },
    baseline: { type: 'string' },
    input: { type: 'string' },
    ...HISTORY_FLAGS,
    locale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help === true) {
    io.stdout.write(MERGE_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    throw usage('merge needs the state files of the shards (ddss validate --shard K/N --state-out FILE)',
      'merge cần các tệp trạng thái của các phần (ddss validate --shard K/N --state-out FILE)');
  }
  // The errors below follow it (`main` reads it from the command line); the report is in the shards' language.
  const asked = v.locale === undefined ? undefined : choice('locale', v.locale, ['en', 'vi'] as const, 'en');
  const format = reportFormat(v.format, v.out, FORMATS, 'text');
  const failUnder = ratio('fail-under', v['fail-under']);
  for (const flag of ['out', 'violations', 'grades', 'baseline', 'input'] as const) {
    if (v[flag] === '') throw usage(`--${flag} needs a file name`, `--${flag} cần một tên tệp`);
  }
  const { history: historyFile, historyTable, historyThresholds } = historyArgs(v);
  if (v.input !== undefined && historyFile === undefined) {
    throw usage('--input names the file the shards read, for --history: give --history too',
      '--input nêu tệp mà các phần đã đọc, dùng cho --history: hãy cho cả --history');
  }
  const vioFormat = v.violations === undefined ? undefined : tableFormat('violations', v.violations);
  const grdFormat = v.grades === undefined ? undefined : tableFormat('grades', v.grades);
  const force = v.force === true;
  const out = v.out === undefined ? undefined : outputPath('out', v.out, io.cwd);
  const vio = v.violations === undefined ? undefined : outputPath('violations', v.violations, io.cwd);
  const grd = v.grades === undefined ? undefined : outputPath('grades', v.grades, io.cwd);
  const files = positionals.map((given) => ({ given, path: cliPath(io.cwd, given) }));
  const outputs = [out, vio, grd].filter((o): o is OutputPath => o !== undefined);
  const hist = historyFile === undefined || isPostgresUrl(historyFile) ? undefined : appendedPath('history', historyFile, io.cwd);
  await requireHistoryReadable(hist);
  for (const f of files) {
    await checkOutputs(outputs, f.path, force);
    // The history file is appended to, not replaced: it must only be none of the states and the other outputs.
    if (hist !== undefined) await checkOutputs([...outputs, hist], f.path, true);
  }

  // Headers first (every file read and its checksum checked); each state is loaded again when its turn to merge
  // comes, so the merge holds one shard's state at a time besides the merged one.
  const states: ShardHeader[] = [];
  for (const f of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(f.path);
    } catch (e) {
      throw new CliError(`cannot read state "${f.given}": ${fileErrorText(e)}`, EXIT.unevaluated,
        `không đọc được tệp trạng thái "${f.given}": ${fileErrorText(e, { locale: 'vi' })}`);
    }
    try {
      states.push(decodeShardHeader(bytes));
    } catch (e) {
      throw stateError(e, f.given);
    }
  }
  const load = (header: ShardHeader, i: number): ShardState => {
    const f = files[i] as { given: string; path: string };
    let s: ShardState;
    try {
      s = decodeShardState(readFileSync(f.path));
    } catch (e) {
      throw stateError(e, f.given);
    }
    const { state, ...again } = s;
    // The file read twice must be the same file: one replaced meanwhile is not the shard that was planned.
    if (JSON.stringify(again) !== JSON.stringify(header)) {
      throw new CliError(`${f.given}: the state file changed during the merge`, EXIT.unevaluated, `${f.given}: tệp trạng thái đã thay đổi trong khi hợp nhất`);
    }
    return { ...header, state };
  };
  const definitionRead: { what: string; path: string }[] = [];
  const { definition, from } = await mergeDataset(v.dataset, states[0]?.dataset.spec, io.cwd, definitionRead);
  const spec = from.spec;
  const piiKey = v['pii-key'] ?? io.env.DDSS_PII_KEY;
  const names = files.map((f) => f.given);
  const common = { names, load, definitionSpec: from, ...(piiKey === undefined || piiKey === '' ? {} : { piiKey }) };
  let plan;
  try {
    plan = planShards(definition, states, common);
  } catch (e) {
    throw stateError(e);
  }

  const head = plan.shards[0] as ShardHeader;
  // The shards rendered their messages in their locale: a merge cannot say them in another.
  if (asked !== undefined && asked !== head.options.locale) {
    const [was, wasVi] = head.options.locale === 'vi' ? ['Vietnamese', 'tiếng Việt'] : ['English', 'tiếng Anh'];
    throw usage(`the shards were validated in ${was} (--locale ${head.options.locale}), and their messages are in it: ` +
      `validate them with --locale ${asked}, or leave --locale out of the merge`,
    `các phần đã được kiểm tra bằng ${wasVi} (--locale ${head.options.locale}) và thông báo của chúng ở ngôn ngữ đó: ` +
      `hãy kiểm tra chúng với --locale ${asked}, hoặc bỏ --locale khỏi lệnh merge`);
  }
  // Nor may an output be a file the merge reads: a shard's violations or grades file (`--violations part-2.v.ndjson
  // --force` replaced shard 2's, so the shards could no longer be merged), the definition, `--input`, `--baseline`.
  const read = [...definitionFile(spec, io.cwd), ...definitionRead, ...shardFiles(plan, io.cwd),
    ...(v.input === undefined ? [] : [{ what: 'the --input file', path: cliPath(io.cwd, v.input) }]),
    ...(v.baseline === undefined ? [] : [{ what: 'the --baseline file', path: cliPath(io.cwd, v.baseline) }])];
  await checkOutputs(outputs, files[0]?.path ?? '', force, read);
  if (hist !== undefined) await checkOutputs([hist], files[0]?.path ?? '', true, read);
  // Judged as one run judges: every violation past the baseline's tally (so every shard's violations file), then
  // the report against the history.
  const baseline = await openBaseline(v.baseline, definition, head.options.showValues, io.cwd);
  const tally = baseline === undefined ? undefined : baselineTally(baseline);
  const target = historyTarget(historyFile, historyTable, io.cwd, io.env);
  const history = target === undefined ? undefined
    : await mergeHistory(target, head, v.input, io.cwd, definition.name, historyThresholds);
  let stream: Writable | undefined;
  const sink = vio === undefined || vioFormat === undefined ? undefined : await openOutputSink<Violation>(vio, force, (s) => {
    stream = s;
    return violationSink(s, { format: vioFormat, bom: v['no-bom'] !== true });
  });
  const grades = grd === undefined || grdFormat === undefined ? undefined
    : await openGradesJoin(plan, grd, grdFormat, force, v['no-bom'] !== true).catch(async (e: unknown) => {
      await sink?.discard();
      throw e;
    });
  const see = sink === undefined && tally === undefined ? undefined
    : (x: Violation): void => { tally?.see(x); sink?.write(x); };
  let measured: Report;
  try {
    if (see !== undefined) {
      for (let k = 0; k < plan.used; k++) {
        const s = plan.shards[k] as ShardHeader;
        const name = plan.names[k] as string;
        if (s.violations === undefined) {
          throw usage(`${name} was validated without --violations: run every shard with --violations FILE.ndjson to ` +
            `${sink === undefined ? 'judge them against --baseline (it matches every violation of the run)' : 'join them'}`,
          `${name} đã được kiểm tra không có --violations: hãy chạy mọi phần với --violations FILE.ndjson để ` +
            `${sink === undefined ? 'đối chiếu chúng với --baseline (nó so khớp từng vi phạm của lần chạy)' : 'nối chúng lại'}`);
        }
        const path = resolve(dirname(cliPath(io.cwd, name)), s.violations.file);
        await joinShardLines(path, relative(io.cwd, path) || path, s.violations, plan.offsets[k] as RangeOffset, VIOLATION_LINES, see, stream);
      }
    }
    if (grades !== undefined) await joinGrades(plan, grades, io.cwd);
    measured = mergeShards(definition, states, { ...common, ...(failUnder === undefined ? {} : { failUnder }),
      ...(see === undefined ? {} : { onViolation: see }) });
  } catch (e) {
    await sink?.discard();
    await grades?.sink.discard();
    throw e instanceof CliError ? e : stateError(e);
  }
  const judged = tally === undefined ? measured : tally.apply(measured);
  const report = history === undefined ? judged : history.judge(judged);
  const locale = head.options.locale;
  const violationsFile = vio === undefined ? undefined : relative(out === undefined ? io.cwd : dirname(out.path), vio.path);
  const color = out === undefined && format === 'text' && io.stdout.isTTY === true && (io.env.NO_COLOR ?? '') === '';
  const text = render(report, format, { locale, color, violationsFile });
  // The report file is placed with the joined files, or none is (see validate).
  const staged = out === undefined ? undefined : await stageOutput(out, text, force).catch(async (e: unknown) => {
    await sink?.discard();
    await grades?.sink.discard();
    throw e;
  });
  await commitAll([staged, sink, grades?.sink]);
  if (out === undefined) io.stdout.write(text);
  else if (format !== 'text') io.stdout.write(render(report, 'text', { locale, color: false }));
  await history?.append(report);
  // Shards read no standard input: no pipe to suggest. The renames the header was read with are the shards' (recorded
  // with the definition's rename: under --rename): an entry the definition does not have came from --rename.
  const renamed = head.input.kind === 'csv' ? head.input.rename ?? {} : {};
  const own = definition.rename ?? {};
  const flags = Object.fromEntries(Object.entries(renamed).filter(([from, to]) => own[from] !== to));
  _explain(report, io, false, null, { ...(definition.rename === undefined ? {} : { definition: definition.rename }),
    ...(Object.keys(flags).length === 0 ? {} : { flags }) });
  return EXIT_BY_STATUS[report.status];
}

/** A state that cannot be used: exit 2 when it belongs to another run, 3 when it is unreadable or altered. */
function stateError(e: unknown, file?: string): CliError {
  if (e instanceof ShardStateError) {
    const at = file === undefined ? '' : `${file}: `;
    return new CliError(`${at}${e.message}`, e.reason === 'corrupt' ? EXIT.unevaluated : EXIT.usage, e.vi === undefined ? undefined : `${at}${e.vi}`);
  }
  if (e instanceof CliError) return e;
  return new CliError(`cannot merge: ${(e as Error).message.replace(/^ddss: /, '')}`, EXIT.unevaluated);
}

interface GradesJoin {
  readonly sink: OutputSink<RecordGrade, Promise<void> | undefined>;
  readonly stream: Writable;
}

/**
 * Opens the joined `--grades` file, written as one run's `--grades` file is (the shards' `--grades-all` and
 * `--grades-columns`, which must agree): every shard must have written graded records.
 */
async function openGradesJoin(plan: ShardPlan, o: OutputPath, format: 'csv' | 'ndjson', force: boolean, bom: boolean): Promise<GradesJoin> {
  const heads = plan.shards.slice(0, plan.used) as ShardHeader[];
  const without = heads.findIndex((s) => s.grades === undefined);
  if (without >= 0) {
    throw usage(`${plan.names[without] ?? 'a shard'} was validated without --grades: run every shard with --grades FILE.ndjson to join them`,
      `${plan.names[without] ?? 'một phần'} đã được kiểm tra không có --grades: hãy chạy mọi phần với --grades FILE.ndjson để nối chúng lại`);
  }
  const first = JSON.stringify(pickGrades(heads[0] as ShardHeader));
  const other = heads.findIndex((s) => JSON.stringify(pickGrades(s)) !== first);
  if (other >= 0) {
    throw usage(`${plan.names[0] ?? 'a shard'} and ${plan.names[other] ?? 'a shard'} wrote their graded records with other --grades-all or --grades-columns`,
      `${plan.names[0] ?? 'một phần'} và ${plan.names[other] ?? 'một phần'} đã ghi bản ghi chấm điểm với --grades-all hoặc --grades-columns khác nhau`);
  }
  const { columns } = pickGrades(heads[0] as ShardHeader);
  let stream: Writable | undefined;
  const sink = await openOutputSink<RecordGrade, Promise<void> | undefined>(o, force, (s) => {
    stream = s;
    // The shards' files hold exactly the records to write (they filtered them): none is left out again.
    return gradeSink(s, { format, bom, findingsOnly: false, columns });
  });
  return { sink, stream: stream as Writable };
}

function pickGrades(s: ShardHeader): { all: boolean; columns: readonly string[] } {
  return { all: s.grades?.all ?? false, columns: s.grades?.columns ?? [] };
}

/** Writes every shard's graded records, rows and lines numbered in the whole input, checked as they are read. */
async function joinGrades(plan: ShardPlan, grades: GradesJoin, cwd: string): Promise<void> {
  for (let k = 0; k < plan.used; k++) {
    const s = plan.shards[k] as ShardHeader;
    const recorded = s.grades as NonNullable<ShardHeader['grades']>;
    const path = resolve(dirname(cliPath(cwd, plan.names[k] as string)), recorded.file);
    const rows = s.range.rows;
    const kind: ShardLines<RecordGrade> = { noun: 'graded record', file: 'graded-records file', read: (x) => {
      const g = gradeFromLine(x);
      return g !== undefined && isRecordGrade(g, rows) ? g : undefined;
    } };
    await joinShardLines(path, relative(cwd, path) || path, recorded, plan.offsets[k] as RangeOffset, kind,
      (g) => { void grades.sink.write(g); }, grades.stream);
  }
}

/** The violations and grades files the shards recorded, where the merge reads them (beside their state files). */
function shardFiles(plan: { readonly shards: readonly ShardHeader[]; readonly names: readonly string[] }, cwd: string): { what: string; path: string }[] {
  return plan.shards.flatMap((s, k) => {
    const dir = dirname(cliPath(cwd, plan.names[k] as string));
    const name = plan.names[k] as string;
    return [
      ...(s.violations === undefined ? [] : [{ what: `the violations file of ${name}`, path: resolve(dir, s.violations.file) }]),
      ...(s.grades === undefined ? [] : [{ what: `the grades file of ${name}`, path: resolve(dir, s.grades.file) }]),
    ];
  });
}
