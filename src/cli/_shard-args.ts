import { extname } from 'node:path';
import { parseShard, type ShardSpec } from '../parallel/shard-spec.js';
import { usage } from './_errors.js';

/** The raw flags `shardArgs` looks at. */
interface Flags {
  readonly shard?: string | undefined;
  readonly 'state-out'?: string | undefined;
  readonly [flag: string]: string | boolean | readonly string[] | undefined;
}

/**
 * Checks `--shard K/N` and `--state-out FILE` of `ddss validate`: both or neither, an input that can be cut (CSV,
 * JSON, NDJSON, a PostgreSQL table), a fixed `--now`,
 * and none of the outputs that describe a whole run (a report, graded records, `--fail-under`): those are
 * `ddss merge`'s. Every mistake is a usage error (exit 2).
 * @example shardArgs({ shard: '2/7', 'state-out': 'part-2.ddss-state', now: '2026-11-22' }, 'csv')
 */
export function shardArgs(v: Flags, inputFormat: string): { spec: ShardSpec; stateOut: string } | undefined {
  if (v.shard === undefined) {
    if (v['state-out'] !== undefined) throw usage('--state-out needs --shard K/N (the shard whose state to write)', '--state-out cần --shard K/N (phần có trạng thái cần ghi)');
    return undefined;
  }
  let spec: ShardSpec;
  try {
    spec = parseShard(v.shard);
  } catch (e) {
    throw usage((e as Error).message);
  }
  const stateOut = v['state-out'];
  if (stateOut === undefined || stateOut === '') {
    throw usage('--shard needs --state-out FILE: a shard writes its state, and ddss merge writes the report of all shards',
      '--shard cần --state-out TỆP: mỗi phần ghi trạng thái của nó, và ddss merge ghi báo cáo của mọi phần');
  }
  if (!['csv', 'tsv', 'json', 'ndjson'].includes(inputFormat)) {
    throw usage(`--shard reads CSV, JSON and NDJSON files and PostgreSQL tables; ${inputFormat === 'xlsx' ? 'an .xlsx workbook' : `a ${inputFormat} input`} is validated in one process`,
      `--shard đọc tệp CSV, JSON, NDJSON và bảng PostgreSQL; ${inputFormat === 'xlsx' ? 'sổ tính .xlsx' : `đầu vào ${inputFormat}`} được kiểm tra trong một tiến trình`);
  }
  if (v.now === undefined) {
    throw usage('--shard needs --now ISO: every shard must judge dates against the same instant',
      '--shard cần --now ISO: mọi phần phải đánh giá ngày tháng theo cùng một thời điểm');
  }
  for (const flag of ['out', 'format', 'fail-under'] as const) {
    if (v[flag] !== undefined) {
      throw usage(`--${flag} describes the whole run: give it to ddss merge, not to a shard`,
        `--${flag} mô tả cả lần chạy: hãy dùng nó với ddss merge, không dùng cho một phần`);
    }
  }
  if (v.workers !== undefined && v.workers !== '1') {
    throw usage('--shard runs in one thread: to use more cores, run more shards (--shard K/N with a larger N)',
      '--shard chạy trong một luồng: để dùng nhiều lõi hơn, hãy chạy nhiều phần hơn (--shard K/N với N lớn hơn)');
  }
  if (typeof v.violations === 'string' && extname(v.violations).toLowerCase() !== '.ndjson') {
    throw usage('--violations of a shard must be .ndjson (ddss merge --violations joins them, as CSV or NDJSON)',
      '--violations của một phần phải là .ndjson (ddss merge --violations ghép chúng lại, thành CSV hoặc NDJSON)');
  }
  if (typeof v.grades === 'string' && extname(v.grades).toLowerCase() !== '.ndjson') {
    throw usage('--grades of a shard must be .ndjson (ddss merge --grades joins them, as CSV or NDJSON)',
      '--grades của một phần phải là .ndjson (ddss merge --grades ghép chúng lại, thành CSV hoặc NDJSON)');
  }
  return { spec, stateOut };
}
