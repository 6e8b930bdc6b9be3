import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Violation } from '../core/types.js';
import type { RangeOffset } from '../parallel/ordered-violations.js';
import { CliError, EXIT } from './_errors.js';
import { fileErrorText } from '../core/file-error-text.js';

const CRITERIA = new Set(['correct', 'sufficient', 'clean', 'live']);
const SEVERITIES = new Set(['error', 'warning', 'info']);
/** A line longer than this is not one ddss wrote (values and messages are bounded far below it). */
const MAX_LINE = 16 * 1024 * 1024;

/** What a shard's NDJSON file holds: its lines' name in messages, and how to tell a well-formed one. */
export interface ShardLines<T> {
  /** "violation", "graded record". */
  readonly noun: string;
  /** "violations file", "graded-records file". */
  readonly file: string;
  /** The line's item from its parsed JSON, or undefined when it is not a well-formed one. */
  readonly read: (x: unknown) => T | undefined;
}

/** A shard's `--violations` lines. */
export const VIOLATION_LINES: ShardLines<Violation> = {
  noun: 'violation', file: 'violations file', read: (x) => (violation(x) ? x : undefined),
};

/**
 * Streams one shard's NDJSON file (`--violations`, `--grades`) to `write`, rows and lines shifted by where the shard
 * starts, checking every line with `kind.read` and, at the end, the count and sha256 its state recorded: a file
 * altered, truncated or swapped is an error (exit 3) and the caller discards what it wrote. Waits for `stream` to
 * drain, so memory stays flat however many lines a shard has.
 * @example await joinShardLines('part-2.violations.ndjson', name, rec, offsets[1], VIOLATION_LINES, sink.write, stream)
 */
export async function joinShardLines<T extends { readonly row?: number; readonly line?: number }>(path: string,
  given: string, recorded: { count: number; sha256: string }, at: RangeOffset, kind: ShardLines<T>,
  write: (x: T) => void, stream: Writable | undefined): Promise<void> {
  const hash = createHash('sha256');
  let rest = Buffer.alloc(0);
  let count = 0;
  const bad = (why: string) => new CliError(`${given}: ${why}`, EXIT.unevaluated);
  const line = (bytes: Buffer) => {
    let v: unknown;
    try {
      v = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw bad(`line ${count + 1} is not JSON`);
    }
    const item = kind.read(v);
    if (item === undefined) throw bad(`line ${count + 1} is not a ${kind.noun}`);
    count++;
    write({ ...item, ...(item.row === undefined ? {} : { row: item.row + at.rows }),
      ...(item.line === undefined ? {} : { line: item.line + at.lines }) });
  };
  try {
    for await (const chunk of createReadStream(path)) {
      const buf = chunk as Buffer;
      hash.update(buf);
      let data = rest.length === 0 ? buf : Buffer.concat([rest, buf]);
      for (let nl = data.indexOf(0x0a); nl >= 0; nl = data.indexOf(0x0a)) {
        line(data.subarray(0, nl));
        data = data.subarray(nl + 1);
      }
      if (data.length > MAX_LINE) throw bad(`a line longer than ${MAX_LINE} bytes`);
      rest = Buffer.from(data);
      // A failed output (a full disk) will not drain: stop waiting; the sink keeps its error for the commit, which
      // reports the file that could not be written (not this one, which was read).
      if (stream?.writableNeedDrain === true && !stream.destroyed) await once(stream, 'drain').catch(() => undefined);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw bad(`cannot read (${fileErrorText(e)})`);
  }
  if (rest.length > 0) line(rest);
  if (count !== recorded.count || hash.digest('hex') !== recorded.sha256) {
    throw bad(`not the ${kind.file} its shard wrote (${count} ${kind.noun}s; altered, truncated or replaced)`);
  }
}

function violation(x: unknown): x is Violation {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const v = x as Record<string, unknown>;
  if (typeof v.rule !== 'string' || !CRITERIA.has(v.criterion as string) || !SEVERITIES.has(v.severity as string)
    || typeof v.code !== 'string' || typeof v.message !== 'string') return false;
  for (const k of ['key', 'field', 'value', 'suggestion']) if (v[k] !== undefined && typeof v[k] !== 'string') return false;
  for (const k of ['row', 'line']) if (v[k] !== undefined && !(Number.isSafeInteger(v[k]) && (v[k] as number) >= 0)) return false;
  return true;
}
