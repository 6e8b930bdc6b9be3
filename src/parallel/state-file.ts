import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { withoutIndexes } from '../../rules/clean/_sighting-log.js';
import type { ValidatorState } from '../core/state.js';
import { MAX_WORST_RECORDS } from '../core/grade-tally.js';
import type { ShardHeader, ShardState } from './shard-state.js';

/** The first bytes of every state file, then the format version and the checksum of what follows the first line. */
const MAGIC = 'ddss-state';
/** The format this version of ddss writes and reads. */
export const STATE_FORMAT = 1;
/** A header longer than this is not one ddss wrote (it holds names, options and offsets: a few KiB). */
const MAX_HEADER = 1024 * 1024;
/** More references than any definition names (each is one `ref()` of its rules). */
const MAX_REFERENCES = 1000;

/**
 * Why a state file cannot be used: `corrupt` (unreadable, truncated, altered, not a state file: exit 3) or
 * `mismatch` (a sound state of another run: another definition, `now`, input, shard count or ddss version: exit 2).
 */
export class ShardStateError extends Error {
  override readonly name = 'ShardStateError';
  readonly reason: 'corrupt' | 'mismatch';
  /** The message in Vietnamese, for `ddss merge --locale vi`, when ddss has the words for it (a detail may stay English). */
  readonly vi: string | undefined;
  constructor(message: string, reason: 'corrupt' | 'mismatch', vi?: string) {
    super(message);
    this.reason = reason;
    this.vi = vi;
  }
}

/**
 * A shard's state as the bytes of a state file (docs/scale.md): a first line `ddss-state 1 sha256:<hex>`, a line of
 * JSON with everything but the validator state, then the validator state as a structured clone (`v8.serialize`,
 * which keeps typed arrays, maps and `undefined` exactly). The checksum covers every byte after the first line.
 * @example await writeFile('part-1.ddss-state', encodeShardState(await validateShard(def, readCsv(p), { shard: '1/3', now })));
 */
export function encodeShardState(shard: ShardState): Uint8Array {
  const { state, ...header } = shard;
  const body = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), withoutIndexes(state, () => serialize(state))]);
  const sum = createHash('sha256').update(body).digest('hex');
  return Buffer.concat([Buffer.from(`${MAGIC} ${STATE_FORMAT} sha256:${sum}\n`, 'latin1'), body]);
}

/**
 * Reads a state file's bytes back, checking the checksum and the header's types, never trusting them: a
 * corrupted or forged file throws `ShardStateError` and never a crash, a hang or an allocation beyond its size.
 * The validator state inside is only deserialised here; `mergeShards` checks it against the definition.
 * @example const shard = decodeShardState(await readFile('part-1.ddss-state'));
 */
export function decodeShardState(bytes: Uint8Array): ShardState {
  const { header, body, sum } = readFile(bytes);
  let state: unknown;
  try {
    state = deserialize(body);
  } catch (e) {
    throw new ShardStateError(`unreadable state (${(e as Error).message})`, 'corrupt', `trạng thái không đọc được (${(e as Error).message})`);
  }
  // A file written before states kept their origins is still read: its checksum stands for its validator, so the same
  // file given twice is still refused by the merge rather than counted twice.
  if (typeof state === 'object' && state !== null && !('origins' in state)) (state as { origins: string[] }).origins = [`sha256:${sum}`];
  return { ...header, state: state as ValidatorState };
}

/**
 * Reads only the header of a state file's bytes, checking the checksum and the header as `decodeShardState` does,
 * without deserialising the validator state: what `planShards` needs, so a merge can plan with every header and
 * then load one state at a time.
 * @example const header = decodeShardHeader(await readFile('part-1.ddss-state'));
 */
export function decodeShardHeader(bytes: Uint8Array): ShardHeader {
  return readFile(bytes).header;
}

function readFile(bytes: Uint8Array): { header: ShardHeader; body: Buffer; sum: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nl = buf.indexOf(0x0a);
  const first = nl < 0 || nl > 200 ? '' : buf.toString('latin1', 0, nl);
  const m = /^ddss-state (\d{1,6}) sha256:([0-9a-f]{64})$/.exec(first);
  if (m === null) throw new ShardStateError('not a ddss state file', 'corrupt', 'không phải tệp trạng thái của ddss');
  if (Number(m[1]) !== STATE_FORMAT) {
    throw new ShardStateError(`a state file of format ${m[1]}, which this ddss (format ${STATE_FORMAT}) does not read`, 'mismatch',
      `tệp trạng thái định dạng ${m[1]}, mà ddss này (định dạng ${STATE_FORMAT}) không đọc được`);
  }
  const body = buf.subarray(nl + 1);
  if (createHash('sha256').update(body).digest('hex') !== m[2]) {
    throw new ShardStateError('checksum mismatch (the file is truncated or altered)', 'corrupt', 'sai tổng kiểm tra (tệp bị cắt ngắn hoặc bị sửa)');
  }
  const end = body.indexOf(0x0a);
  if (end < 0 || end > MAX_HEADER) throw new ShardStateError('no header line', 'corrupt', 'không có dòng tiêu đề');
  let header: unknown;
  try {
    header = JSON.parse(body.toString('utf8', 0, end));
  } catch (e) {
    throw new ShardStateError(`unreadable header (${(e as Error).message})`, 'corrupt', `dòng tiêu đề không đọc được (${(e as Error).message})`);
  }
  const why = checkHeader(header);
  if (why !== undefined) throw new ShardStateError(`malformed header (${why})`, 'corrupt', `dòng tiêu đề sai dạng (${why})`);
  return { header: header as ShardHeader, body: body.subarray(end + 1), sum: m[2] as string };
}

/** Why a parsed header does not have the types of `ShardState`, or undefined. */
function checkHeader(h: unknown): string | undefined {
  if (!obj(h)) return 'not an object';
  if (typeof h.ddss !== 'string' || typeof h.now !== 'string') return 'ddss, now';
  if (!obj(h.dataset) || typeof h.dataset.name !== 'string' || typeof h.dataset.signature !== 'string'
    || !(h.dataset.spec === undefined || typeof h.dataset.spec === 'string')) return 'dataset';
  const o = h.options;
  if (!obj(o) || (o.locale !== 'en' && o.locale !== 'vi') || typeof o.showValues !== 'boolean' || !whole(o.maxSamplesPerRule)
    || !(o.timeZone === null || typeof o.timeZone === 'string') || typeof o.piiKeyCheck !== 'string' || typeof o.grades !== 'boolean'
    || !whole(o.worstRecords) || o.worstRecords > MAX_WORST_RECORDS || !(o.groupBy === null || typeof o.groupBy === 'string')
    || !whole(o.maxGroups) || o.maxGroups < 1) return 'options';
  if (!(h.references === undefined || (Array.isArray(h.references) && h.references.length <= MAX_REFERENCES
    && h.references.every((r) => obj(r) && typeof r.name === 'string' && whole(r.keys) && typeof r.fingerprint === 'string')))) return 'references';
  if (!input(h.input)) return 'input';
  const s = h.shard;
  if (!obj(s) || !whole(s.index) || !whole(s.count) || s.index < 1 || s.index > s.count) return 'shard';
  const r = h.range;
  if (!obj(r) || !whole(r.began) || !whole(r.ended) || r.ended < r.began || !whole(r.records) || !whole(r.rows) || !whole(r.lines)
    || !Array.isArray(r.endings)
    || r.endings.length > 3 || !r.endings.every((e) => obj(e) && typeof e.kind === 'string' && whole(e.line))
    || !(r.error === undefined || typeof r.error === 'string') || !(r.bytes === undefined || whole(r.bytes))
    || !(r.keys === undefined || (obj(r.keys) && typeof r.keys.from === 'string' && typeof r.keys.to === 'string'))) return 'range';
  const v = h.violations;
  if (v !== undefined && !(obj(v) && typeof v.file === 'string' && whole(v.count) && typeof v.sha256 === 'string')) return 'violations';
  const g = h.grades;
  if (g !== undefined && !(obj(g) && typeof g.file === 'string' && whole(g.count) && typeof g.sha256 === 'string'
    && typeof g.all === 'boolean' && Array.isArray(g.columns) && g.columns.every((c) => typeof c === 'string'))) return 'grades';
  return undefined;
}

/** Whether `i` has the types of one of the `ShardInput` kinds. */
function input(i: unknown): boolean {
  if (!obj(i) || typeof i.name !== 'string') return false;
  if (i.kind === 'postgres') {
    const p = i.plan;
    return obj(p) && whole(p.rows) && Array.isArray(p.orderBy) && p.orderBy.every((c) => typeof c === 'string');
  }
  if (!whole(i.bytes) || typeof i.fingerprint !== 'string' || !whole(i.maxRecordBytes)) return false;
  if (i.kind === 'json' || i.kind === 'ndjson') return whole(i.maxDepth) && (i.records === undefined || typeof i.records === 'string');
  return i.kind === 'csv' && typeof i.encoding === 'string' && typeof i.delimiter === 'string'
    && (i.rename === undefined || (obj(i.rename) && Object.values(i.rename).every((to) => typeof to === 'string')));
}

function obj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function whole(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}
