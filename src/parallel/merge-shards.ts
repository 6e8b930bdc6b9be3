import { compile } from '../core/compile.js';
import { createValidator } from '../core/validator.js';
import { version } from '../core/version.js';
import { SinkFailure } from '../core/sink-waits.js';
import type { DatasetDefinition, Report, ValidateOptions, Violation } from '../core/types.js';
import type { RangeOffset } from './ordered-violations.js';
import { checkState } from './check-state.js';
import { runDifference } from '../core/state-guard.js';
import { piiKeyCheck } from './input-fingerprint.js';
import { renameWords, shardRename } from './shard-rename.js';
import { referenceMismatch } from './shard-references.js';
import { rangeProblem } from './shard-coverage.js';
import { definitionMismatch, type DefinitionSpec } from './definition-mismatch.js';
import { ShardStateError } from './state-file.js';
import type { ShardHeader, ShardState } from './shard-state.js';
import { addMixedEndings, globalLines } from './validate-parallel.js';
import { liveState } from '../core/live-state.js';

/** Options of `mergeShards`: the run's own options come from the shards; these decide only the report. */
export interface MergeShardsOptions extends Pick<ValidateOptions, 'failUnder' | 'piiKey'> {
  /**
   * Receives the violations found only when the shards are merged (dataset rules such as uniqueness). The merge is
   * synchronous: a Promise this returns is not waited for (await your writes after `mergeShards` returns).
   */
  readonly onViolation?: (violation: Violation) => void;
  /** What to call each shard in errors (its file name), in the order `shards` are given. */
  readonly names?: readonly string[];
  /**
   * Loads the state of a shard given as a header only (`decodeShardHeader`), when its turn to merge comes; `index` is
   * its position in `shards`. So a merge holds one shard's state at a time besides the merged one.
   */
  readonly load?: (header: ShardHeader, index: number) => ShardState;
  /** Where `definition` came from, for messages (a definition file that changed since the shards ran). */
  readonly definitionSpec?: DefinitionSpec;
}

/** The shards of one run in file order, checked, with where each one's rows and lines start in the whole input. */
type Named = { s: ShardHeader; i: number; name: string };

export interface ShardPlan {
  readonly shards: readonly ShardHeader[];
  /** Per shard in order: rows and lines before it. */
  readonly offsets: readonly RangeOffset[];
  /** Shards whose rows the report covers: all, or up to the first one that could not be read completely. */
  readonly used: number;
  /** Each shard's name for messages, in order. */
  readonly names: readonly string[];
  /** Each shard's position in the `shards` given, in order. */
  readonly given: readonly number[];
}

/**
 * Checks that `shards` are all the shards of one run of `definition` — one of each index 1…N, the same ddss version,
 * definition, `now`, options, references and input, each shard's bytes following the previous one's — and orders them. Throws a
 * one-line `ShardStateError` naming the shards otherwise (`mismatch`), or when a state is not sound (`corrupt`).
 * @example const { offsets } = planShards(landParcels, shards, { names: files });
 */
export function planShards(definition: DatasetDefinition, shards: readonly ShardHeader[], options: MergeShardsOptions = {}): ShardPlan {
  if (shards.length === 0) throw new ShardStateError('no shard states to merge', 'mismatch', 'không có trạng thái phần nào để hợp nhất');
  const named = shards.map((s, i) => ({ s, i, name: options.names?.[i] ?? `shard ${s.shard.index}/${s.shard.count}` }));
  const [head] = named as [Named];
  const plan = compile(definition);
  const mismatch = (text: string, vi?: string) => new ShardStateError(text, 'mismatch', vi);
  const own = version();
  for (const { s, name } of named) {
    if (s.ddss !== own) {
      throw mismatch(`${name} was written by ddss ${s.ddss}; this is ddss ${own}: run every shard and the merge with one version`,
        `${name} được ghi bởi ddss ${s.ddss}; đây là ddss ${own}: hãy chạy mọi phần và lệnh merge với cùng một phiên bản`);
    }
    if (s.dataset.signature !== plan.signature) {
      const why = definitionMismatch(name, s, definition, options.definitionSpec);
      throw mismatch(why.en, why.vi);
    }
  }
  const differ = (what: string, whatVi: string, get: (s: ShardHeader) => unknown) => {
    const first = JSON.stringify(get(head.s));
    const other = named.find(({ s }) => JSON.stringify(get(s)) !== first);
    if (other !== undefined) {
      throw mismatch(`${head.name} and ${other.name} are states of different runs: other ${what}`,
        `${head.name} và ${other.name} là trạng thái của các lần chạy khác nhau: khác ${whatVi}`);
    }
  };
  differ('now', '--now', (s) => s.now);
  differ('options (locale, --show-values, --max-samples, --time-zone, pii key, --grades, --worst, --group-by)',
    'tùy chọn (locale, --show-values, --max-samples, --time-zone, khóa dữ liệu cá nhân, --grades, --worst, --group-by)', (s) => s.options);
  const refs = referenceMismatch(named);
  if (refs !== undefined) throw mismatch(refs.en, refs.vi);
  if (head.s.input.kind === 'postgres') {
    // Each shard cut the table in its own snapshot: cuts that differ mean the table changed between them.
    differ('input (another table)', 'đầu vào (bảng khác)', (s) => (s.input.kind === 'postgres' ? { ...s.input, plan: undefined } : s.input));
    differ('cut: the table changed between shards (its row count or its order key), so their key ranges do not fit; ' +
      'run the shards again on a table that does not change', 'cách cắt: bảng đã thay đổi giữa các phần (số dòng hoặc khóa sắp xếp), ' +
      'nên các khoảng khóa không khớp nhau; hãy chạy lại các phần trên một bảng không thay đổi', (s) => s.input);
  } else {
    // The rename is no part of the file's bytes, yet it decides which column each field is read from.
    const renamed = named.find(({ s }) => shardRename(s) !== shardRename(head.s));
    if (renamed !== undefined) {
      throw mismatch(`${head.name} and ${renamed.name} are states of different runs: other rename of the header (${head.name} ` +
        `read it ${renameWords(head.s)}, ${renamed.name} ${renameWords(renamed.s)}): run every shard with the same --rename`,
      `${head.name} và ${renamed.name} là trạng thái của các lần chạy khác nhau: khác cách đổi tên dòng tiêu đề (${head.name} ` +
        `đọc nó ${renameWords(head.s, 'vi')}, ${renamed.name} ${renameWords(renamed.s, 'vi')}): hãy chạy mọi phần với cùng --rename`);
    }
    differ('input (another file, or the file changed between shards)', 'đầu vào (tệp khác, hoặc tệp đã thay đổi giữa các phần)',
      (s) => (s.input.kind === 'csv' ? { ...s.input, rename: undefined } : s.input));
  }
  differ('shard count (N of --shard K/N)', 'số phần (N của --shard K/N)', (s) => s.shard.count);
  if (head.s.options.piiKeyCheck !== piiKeyCheck(options.piiKey)) {
    throw mismatch(`${head.name} hashed personal values with ${head.s.options.piiKeyCheck === '' ? 'no key' : 'another key'} than the merge was given (--pii-key or DDSS_PII_KEY)`,
      `${head.name} đã băm dữ liệu cá nhân ${head.s.options.piiKeyCheck === '' ? 'không có khóa' : 'bằng một khóa khác'}, không phải khóa lệnh merge được cho (--pii-key hoặc DDSS_PII_KEY)`);
  }
  const count = head.s.shard.count;
  // Filled, not sparse: a missing shard must be visited to be named.
  const byIndex = Array.from({ length: count }, (): Named | undefined => undefined);
  for (const n of named) {
    const seen = byIndex[n.s.shard.index - 1];
    if (seen !== undefined) throw mismatch(`${seen.name} and ${n.name} are both shard ${n.s.shard.index}/${count}`, `${seen.name} và ${n.name} đều là phần ${n.s.shard.index}/${count}`);
    byIndex[n.s.shard.index - 1] = n;
  }
  const missing = byIndex.flatMap((n, i) => (n === undefined ? [`${i + 1}`] : []));
  if (missing.length > 0) {
    const list = missing.length > 10 ? `${missing.slice(0, 10).join(', ')} and ${missing.length - 10} more` : missing.join(', ');
    const listVi = missing.length > 10 ? `${missing.slice(0, 10).join(', ')} và ${missing.length - 10} phần khác` : missing.join(', ');
    throw mismatch(`shard${missing.length === 1 ? '' : 's'} ${list} of ${count} missing: merge needs the state of every shard`,
      `thiếu phần ${listVi} trong ${count} phần: merge cần trạng thái của mọi phần`);
  }
  const ordered = byIndex as Named[];
  const offsets: RangeOffset[] = [];
  let rows = 0;
  let lines = 0;
  let used = 0;
  for (let k = 0; k < ordered.length; k++) {
    const { s, name } = ordered[k] as Named;
    const prev = ordered[k - 1];
    if (prev !== undefined && prev.s.range.error === undefined && prev.s.range.ended !== s.range.began) {
      const unit = s.input.kind === 'postgres' ? 'key range' : s.input.kind === 'json' ? 'line' : 'byte';
      const unitVi = s.input.kind === 'postgres' ? 'khoảng khóa' : s.input.kind === 'json' ? 'dòng' : 'byte';
      throw mismatch(`${prev.name} ends at ${unit} ${prev.s.range.ended} but ${name} starts at ${unit} ${s.range.began}: the shards do not follow each other`,
        `${prev.name} kết thúc ở ${unitVi} ${prev.s.range.ended} nhưng ${name} bắt đầu ở ${unitVi} ${s.range.began}: các phần không nối tiếp nhau`);
    }
    const range = rangeProblem(s, k, ordered.length);
    if (range !== undefined) throw new ShardStateError(`${name}: not a sound state (${range})`, 'corrupt', `${name}: trạng thái không hợp lệ (${range})`);
    const keys = prev?.s.range.keys;
    if (prev !== undefined && prev.s.range.error === undefined && keys !== undefined && keys.to !== s.range.keys?.from) {
      throw mismatch(`${prev.name} ends at another key than ${name} begins at: the table changed between shards, so their key ` +
        'ranges do not fit; run the shards again on a table that does not change',
      `${prev.name} kết thúc ở một khóa khác với khóa ${name} bắt đầu: bảng đã thay đổi giữa các phần, nên các khoảng khóa ` +
        'không khớp nhau; hãy chạy lại các phần trên một bảng không thay đổi');
    }
    offsets.push({ rows, lines });
    if (used === k) used = k + 1;
    rows += s.range.rows;
    lines += s.range.lines;
    // The read ends at the first shard that could not be read completely, as one process's read would.
    if (s.range.error !== undefined) break;
  }
  const table = head.s.input;
  if (table.kind === 'postgres' && used === ordered.length) {
    // Each shard read its range in the snapshot it cut in: rows added or removed after another shard's cut show here.
    const read = ordered.reduce((n, { s }) => n + s.range.records, 0);
    if (read !== table.plan.rows) {
      throw mismatch(`the shards read ${read} rows of a table their cuts counted ${table.plan.rows} rows in: the table changed ` +
        'during the run; run the shards again on a table that does not change');
    }
  }
  return { shards: ordered.map((n) => n.s), offsets, used, names: ordered.map((n) => n.name), given: ordered.map((n) => n.i) };
}

/**
 * Joins the states of every shard of a run (from `validateShard`, in any order) into the report of the whole input,
 * byte-identical to `validate` over it with the same options. Violations found only at the end (dataset rules such
 * as uniqueness) reach `onViolation`; each shard's own violations were streamed when it ran (shift their rows and
 * lines by `planShards(…).offsets`). Throws `ShardStateError` for states that do not belong together.
 * @example const report = mergeShards(landParcels, [part1, part2, part3]);
 */
export function mergeShards(definition: DatasetDefinition, shards: ReadonlyArray<ShardState | ShardHeader>,
  options: MergeShardsOptions = {}): Report {
  const plan = planShards(definition, shards, options);
  const compiled = compile(definition);
  const head = plan.shards[0] as ShardHeader;
  const o = head.options;
  const v = createValidator(definition, {
    now: head.now, locale: o.locale, showValues: o.showValues, maxSamplesPerRule: o.maxSamplesPerRule, grades: o.grades,
    // The worst records and the groups the shards kept (a shard graded with worstRecords or groupBy).
    worstRecords: o.worstRecords, ...(o.groupBy === null ? {} : { groupBy: o.groupBy, maxGroups: o.maxGroups }),
    ...(o.timeZone === null ? {} : { timeZone: o.timeZone }),
    ...(options.piiKey === undefined ? {} : { piiKey: options.piiKey }),
    ...(options.failUnder === undefined ? {} : { failUnder: options.failUnder }),
    // Called, never awaited: merging is synchronous (see MergeShardsOptions.onViolation).
    ...(options.onViolation === undefined ? {} : { onViolation: (x: Violation) => { options.onViolation?.(x); } }),
  });
  let records = 0;
  let error: string | undefined;
  let stoppedAt: number | undefined;
  const endings: Array<{ kind: string; line: number }> = [];
  for (let k = 0; k < plan.used; k++) {
    const s = plan.shards[k] as ShardState;
    const before = (plan.offsets[k] as RangeOffset).lines;
    for (const e of s.range.endings) endings.push({ kind: e.kind, line: e.line + before });
    records += s.range.records;
    if (s.range.error !== undefined) {
      error = globalLines(s.range.error, before);
      stoppedAt = s.range.bytes;
    }
  }
  // One after another, as worker ranges merge: each shard's uniqueness logs are appended once to the running ones
  // (merging in pairs would copy every sighting log₂ N / 2 times); only the running state's row sets are copied per
  // shard, and failing rows are a fraction of all rows.
  // The run settings every shard's state must have been made under: the header's, as this validator has them.
  const run = liveState(v).run;
  for (let k = 0; k < plan.used; k++) {
    const h = plan.shards[k] as ShardState | ShardHeader;
    const name = plan.names[k] as string;
    const s = 'state' in h ? h : options.load?.(h, plan.given[k] as number);
    if (s === undefined) throw new Error(`ddss: ${name} has no state and mergeShards was given no load()`);
    // Checked when its turn comes: a state file is never used as it was read.
    const why = checkState(compiled, s.state, h.options);
    if (why !== undefined) throw new ShardStateError(`${name}: not a sound state (${why})`, 'corrupt', `${name}: trạng thái không hợp lệ (${why})`);
    const differ = runDifference(run, (s.state as { run?: unknown }).run);
    // Every record read is a row or a skipped record (one a finding kept from the rows), unless the read broke off.
    const records = h.range.error === undefined && h.input.kind !== 'postgres' && s.state.rows + s.state.skippedRecords !== h.range.records;
    if (s.state.rows !== h.range.rows || s.state.lines !== h.range.lines || records || differ !== undefined) {
      throw new ShardStateError(`${name}: its state does not match its header${differ === undefined ? '' : ` (${differ})`}`, 'corrupt',
        `${name}: trạng thái không khớp với dòng tiêu đề của nó${differ === undefined ? '' : ` (${differ})`}`);
    }
    v.merge(s.state, k === plan.used - 1); // the last is only finished
  }
  addMixedEndings(v, endings);
  const input = head.input;
  const failed = error === undefined ? {} : { error };
  // The source as the one-process reader of each kind describes it, key for key.
  const source = input.kind === 'postgres' ? { kind: input.kind, name: input.name, records, ...failed }
    : input.kind === 'csv' ? { kind: input.kind, name: input.name, encoding: input.encoding, bytes: input.bytes, records, ...failed }
      : { kind: input.kind, name: input.name, encoding: 'utf8', bytes: stoppedAt ?? input.bytes, records, ...failed };
  try {
    return v.finish(source, error !== undefined);
  } catch (e) {
    // onViolation threw on a finding of `finish` (a duplicate): its own error, as `validate` throws it.
    throw e instanceof SinkFailure ? e.cause : e;
  }
}
