import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { CRITERIA } from '../core/types.js';
import { jsonLine } from '../outputs/_escape.js';
import { latestRuns } from './by-date.js';
import { sameInput, type HistoryEntry } from './history-entry.js';

/** Lines longer than this are not history entries (a history line is a few kilobytes even with hundreds of rules). */
const MAX_LINE = 4 * 1024 * 1024;

/**
 * The last `keep` runs of `dataset` in a history file by date, oldest first (all datasets when `dataset` is
 * undefined): ordered by `now`, runs of the same instant in the order of their lines (a run back-filled for an earlier
 * `--now` is the file's last line, not its latest run). With `until` (an instant), only the runs not dated after it:
 * those a run dated `until` is judged against. A file that does not exist yet is an empty history. Memory is bounded
 * by `keep`. A line that is not a history entry rejects with an Error naming the file and line: anomalies judged
 * against a damaged history would be wrong. With `input` (the run's input name), only the runs `sameInput` compares with it.
 * @example const earlier = await readHistory('history.ndjson', 'land-parcels', 10, report.now);
 */
export async function readHistory(path: string, dataset: string | undefined, keep = 1000, until?: string,
  input?: string): Promise<HistoryEntry[]> {
  const file = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw new Error(`ddss: history ${path}: ${e.message}`, { cause: e });
  });
  if (file === undefined) return [];
  const latest = latestRuns<HistoryEntry>(keep, until);
  let n = 0;
  try {
    // Opening a directory succeeds; reading it fails with an EISDIR that names no file.
    if ((await file.stat()).isDirectory()) {
      throw new Error(`ddss: history ${path} is a directory, not a history file`, { cause: Object.assign(new Error('EISDIR'), { code: 'EISDIR' }) });
    }
    const lines = createInterface({ input: file.createReadStream({ encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const read of lines) {
      n++;
      // A file saved by an editor that adds a UTF-8 BOM is still the history it was.
      const line = n === 1 && read.startsWith('\ufeff') ? read.slice(1) : read;
      if (line.trim() === '') continue;
      if (line.length > MAX_LINE) throw new Error(`ddss: history ${path} line ${n} is not a ddss history entry (too long)`);
      const entry = parseEntry(line);
      if (typeof entry === 'string') throw new Error(`ddss: history ${path} line ${n} is not a ddss history entry: ${entry}`);
      if (dataset !== undefined && entry.dataset !== dataset) continue;
      if (input !== undefined && !sameInput(entry.input.name, input)) continue;
      latest.add(entry);
    }
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('ddss: ')) throw e;
    throw new Error(`ddss: history ${path}: ${(e as Error).message}`, { cause: e });
  } finally {
    await file.close();
  }
  return latest.runs();
}

/**
 * Appends one entry as one line, in one write (so runs appending to a shared history file do not interleave), on a
 * line of its own even when the file does not end with a newline. A write that fails part-way (a full disk takes what
 * fits) is taken back: the file is cut to its size before, since a partial line would make every later run refuse the
 * history as damaged. Only when another run appended meanwhile is the file left as it is (cutting it would drop that
 * run's line); the error then says so.
 * @example await appendHistory('history.ndjson', historyEntry(report, input));
 */
export async function appendHistory(path: string, entry: HistoryEntry): Promise<void> {
  // 'a+': appends, and can read the last byte.
  const file = await open(path, 'a+');
  try {
    const before = (await file.stat()).size;
    // A file saved by an editor that drops the final newline would get this line glued to its last one ("…}{…}"),
    // and every later run would refuse the history as damaged: start on a line of its own.
    const glued = before > 0 && (await file.read(Buffer.alloc(1), 0, 1, before - 1)).buffer[0] !== 0x0a;
    const line = Buffer.from(`${glued ? '\n' : ''}${jsonLine(entry)}`, 'utf8');
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
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Whether `x` is an instant as the writer records it (`Date.toISOString()`: UTC, to the millisecond). Only that form,
 * checked by a round trip: the trend shows it as written, and `Date.parse` alone reads 2008-02-30 as 1 March.
 */
const isInstant = (x: unknown): x is string => {
  if (typeof x !== 'string') return false;
  const ms = Date.parse(x);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === x;
};

/** A rule's `[checked, failed]`: whole counts, no more failed than checked (a rate above 100% is a damaged line). */
const isCounts = (x: unknown): boolean => Array.isArray(x) && x.length === 2 && isCount(x[0]) && isCount(x[1]) && x[1] <= x[0];

/** The entry on a line, checked field by field (a history file is input like any other), or why it is none. */
function parseEntry(line: string): HistoryEntry | string {
  let x: unknown;
  try {
    x = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  return historyEntryProblem(x) ?? (x as HistoryEntry);
}

/**
 * Why `x` is not a history entry as `historyEntry` writes it (the first problem found), or undefined when it is one
 * (a history file or table is input like any other: checked field by field). A damaged entry must be refused, not read: a `now` of "yesterday" became a trend's heading, counts `[10, 2000]` a
 * failure rate of 20000%, and anomalies are judged against these runs.
 * @example historyEntryProblem({ ...entry, now: 'yesterday' }) // '"now" is not a date-time as ddss writes it, like …'
 */
export function historyEntryProblem(x: unknown): string | undefined {
  if (!isRecord(x)) return 'not a JSON object';
  if (x.history !== 1) return '"history" is not 1';
  if (typeof x.dataset !== 'string' || x.dataset.trim() === '') return 'no dataset';
  if (!isInstant(x.now)) return '"now" is not a date-time as ddss writes it, like 2026-11-22T00:00:00.000Z';
  return inputProblem(x.input) ?? runProblem(x);
}

function inputProblem(input: unknown): string | undefined {
  if (!isRecord(input) || typeof input.name !== 'string') return 'no "input" with a name';
  if (input.bytes !== undefined && !isCount(input.bytes)) return '"input.bytes" is not a whole number of at least 0';
  if (input.sha256 !== undefined && !(typeof input.sha256 === 'string' && /^[0-9a-f]{64}$/i.test(input.sha256))) {
    return '"input.sha256" is not 64 hexadecimal digits';
  }
  return undefined;
}

/** The run's status, counts and scores. */
function runProblem(x: Record<string, unknown>): string | undefined {
  if (typeof x.status !== 'string' || !['passed', 'warned', 'failed', 'error'].includes(x.status)) {
    return '"status" is not passed, warned, failed or error';
  }
  if (!isCount(x.rows)) return '"rows" is not a whole number of at least 0';
  if (!isScore(x.score)) return '"score" is neither null nor from 0 to 1';
  const criteria = x.criteria;
  if (!isRecord(criteria)) return 'no "criteria"';
  const badScore = CRITERIA.find((c) => !isScore(criteria[c]));
  if (badScore !== undefined) return `"criteria.${badScore}" is neither null nor from 0 to 1`;
  if (!isRecord(x.rules)) return 'no "rules"';
  for (const [id, counts] of Object.entries(x.rules)) {
    // The writer leaves out the history's own rules: anomalies are never measured against anomalies.
    if (id === '' || id.startsWith('history.')) return `"rules" has the rule id "${id}", which ddss never records`;
    if (!isCounts(counts)) return `the counts of rule "${id}" are not [checked, failed], whole numbers with failed at most checked`;
  }
  return undefined;
}
