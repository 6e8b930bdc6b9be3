import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Report } from '../core/types.js';
import type { HistoryThresholds } from '../history/anomalies.js';
import { historyEntry, type HistoryEntry, type HistoryInput } from '../history/history-entry.js';
import { appendHistory, readHistory } from '../history/read-history.js';
import { withHistory } from '../history/with-history.js';
import { CliError, EXIT, usage } from './_errors.js';

/** A run's history file: the earlier runs read before the run, the line appended after it. */
export interface RunHistory {
  /** The report judged against the earlier runs. */
  judge(report: Report): Report;
  /** Appends the run's line (after its outputs were written: an interrupted run leaves no line). */
  append(report: Report): Promise<void>;
}

/**
 * Reads `--history FILE` before any row is read (a damaged history is a usage error, exit 2), and fingerprints the
 * input (SHA-256 of its bytes, so `history.stale_input` can tell an unchanged export).
 * @example const history = await openHistory('h.ndjson', '/data/parcels.csv', 'parcels.csv', 'land-parcels', {});
 */
export async function openHistory(path: string | undefined, given: string | undefined, input: string, inputName: string,
  dataset: string, thresholds: HistoryThresholds): Promise<RunHistory | undefined> {
  if (path === undefined || given === undefined) return undefined;
  return openHistoryOf(path, given, () => inputFingerprint(input, inputName), dataset, thresholds);
}

/**
 * `openHistory` with the input's fingerprint given (`ddss merge`, which has the shards' input, not a path to read):
 * the history is read (and checked) first, then `fingerprint()` is called.
 * @example const history = await openHistoryOf('h.ndjson', 'h.ndjson', async () => ({ name: 'parcels.csv' }), 'land-parcels', {});
 */
export async function openHistoryOf(path: string, given: string, fingerprinted: () => Promise<HistoryInput>, dataset: string,
  thresholds: HistoryThresholds): Promise<RunHistory> {
  let earlier: HistoryEntry[];
  try {
    earlier = await readHistory(path, dataset, Math.max(1, thresholds.window ?? 10) + 1);
  } catch (e) {
    throw usage(`--${(e as Error).message.replace(/^ddss: /, '')}`);
  }
  const fingerprint = await fingerprinted();
  return {
    judge: (report) => withHistory(report, earlier, given, fingerprint, thresholds),
    append: async (report) => {
      try {
        await appendHistory(path, historyEntry(report, fingerprint));
      } catch (e) {
        throw new CliError(`--history ${given}: cannot append the run: ${(e as Error).message}`, EXIT.unevaluated);
      }
    },
  };
}

/**
 * The input's name, size and content hash when it is a regular file; its name alone otherwise.
 * @example await inputFingerprint('/data/parcels.csv', 'parcels.csv') // { name: 'parcels.csv', bytes: …, sha256: … }
 */
export async function inputFingerprint(path: string, name: string): Promise<HistoryInput> {
  const s = await stat(path).catch(() => undefined);
  if (s === undefined || !s.isFile()) return { name: basename(name) };
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch {
    return { name: basename(name), bytes: s.size };
  }
  return { name: basename(name), bytes: s.size, sha256: hash.digest('hex') };
}
