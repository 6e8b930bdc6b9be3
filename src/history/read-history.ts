import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { CRITERIA } from '../core/types.js';
import type { HistoryEntry } from './history-entry.js';

/** Lines longer than this are not history entries (a history line is a few kilobytes even with hundreds of rules). */
const MAX_LINE = 4 * 1024 * 1024;

/**
 * The last `keep` runs of `dataset` in a history file, oldest first (all datasets when `dataset` is undefined); a
 * file that does not exist yet is an empty history. Memory is bounded by `keep`. A line that is not a history entry
 * rejects with an Error naming the file and line: anomalies judged against a damaged history would be wrong.
 * @example const earlier = await readHistory('history.ndjson', 'land-parcels', 10);
 */
export async function readHistory(path: string, dataset: string | undefined, keep = 1000): Promise<HistoryEntry[]> {
  const file = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw new Error(`ddss: history ${path}: ${e.message}`);
  });
  if (file === undefined) return [];
  const out: HistoryEntry[] = [];
  let n = 0;
  try {
    const lines = createInterface({ input: file.createReadStream({ encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      if (line.length > MAX_LINE) throw new Error(`ddss: history ${path} line ${n} is not a ddss history entry (too long)`);
      const entry = parseEntry(line);
      if (entry === undefined) throw new Error(`ddss: history ${path} line ${n} is not a ddss history entry`);
      if (dataset !== undefined && entry.dataset !== dataset) continue;
      out.push(entry);
      if (out.length > keep) out.shift();
    }
  } finally {
    await file.close();
  }
  return out;
}

/**
 * Appends one entry as one line, in one write (so runs appending to a shared history file do not interleave). A
 * write that fails part-way (a full disk takes what fits) is taken back: the file is cut to its size before, since a
 * partial line would make every later run refuse the history as damaged. Only when another run appended meanwhile is
 * the file left as it is (cutting it would drop that run's line); the error then says so.
 * @example await appendHistory('history.ndjson', historyEntry(report, input));
 */
export async function appendHistory(path: string, entry: HistoryEntry): Promise<void> {
  const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
  const file = await open(path, 'a');
  try {
    const before = (await file.stat()).size;
    let done = 0;
    try {
      while (done < line.length) done += (await file.write(line, done, line.length - done)).bytesWritten;
    } catch (e) {
      if (done === 0) throw e;
      if ((await file.stat()).size === before + done) {
        await file.truncate(before);
        throw e;
      }
      throw new Error(`${(e as Error).message} (another run appended meanwhile: ${path} keeps ${done} bytes of this ` +
        `run's line at byte ${before}; remove them by hand)`, { cause: e });
    }
  } finally {
    await file.close();
  }
}

const isScore = (x: unknown): x is number | null => x === null || (typeof x === 'number' && x >= 0 && x <= 1);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/** The entry on a line, checked field by field (a history file is input like any other), or undefined. */
function parseEntry(line: string): HistoryEntry | undefined {
  let x: unknown;
  try {
    x = JSON.parse(line);
  } catch {
    return undefined;
  }
  return asHistoryEntry(x);
}

/**
 * `x` when it is a history entry, checked field by field (a history file or table is input like any other), else undefined.
 * @example asHistoryEntry(JSON.parse(line)) ?? fail()
 */
export function asHistoryEntry(x: unknown): HistoryEntry | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return undefined;
  const e = x as Record<string, unknown>;
  const input = e.input as Record<string, unknown> | null | undefined;
  const criteria = e.criteria as Record<string, unknown> | null | undefined;
  const rules = e.rules as Record<string, unknown> | null | undefined;
  const ok = e.history === 1 && typeof e.dataset === 'string' && typeof e.now === 'string' &&
    typeof input === 'object' && input !== null && typeof input.name === 'string' &&
    (input.bytes === undefined || isCount(input.bytes)) && (input.sha256 === undefined || typeof input.sha256 === 'string') &&
    typeof e.status === 'string' && ['passed', 'warned', 'failed', 'error'].includes(e.status) &&
    isCount(e.rows) && isScore(e.score) &&
    typeof criteria === 'object' && criteria !== null && CRITERIA.every((c) => isScore(criteria[c])) &&
    typeof rules === 'object' && rules !== null && !Array.isArray(rules) &&
    Object.values(rules).every((r) => Array.isArray(r) && r.length === 2 && isCount(r[0]) && isCount(r[1]));
  return ok ? (e as unknown as HistoryEntry) : undefined;
}
