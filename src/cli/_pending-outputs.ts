import { rmSync, unlinkSync } from 'node:fs';
import { CliError, EXIT } from './_errors.js';

/** Temporary files of outputs being written, removed if the process is interrupted before they are committed. */
const pending = new Set<string>();
/** Private temporary directories of a run (a suggested definition), removed with the files. */
const pendingDirs = new Set<string>();
/** File system calls under way that create a temporary file or place an output (they run in Node's thread pool). */
const creating = new Set<Promise<unknown>>();
/** Outputs placed under their names by this process, as the user gave them. */
const placed: string[] = [];
let interrupted = false;
/** How long an interrupt waits for calls under way before it removes what they made (a hung network mount). */
const SETTLE_MS = 2000;

/** Registers a temporary file, removed by an interrupt unless committed or discarded first. */
export function addPending(temp: string): void {
  pending.add(temp);
}

/** Forgets a temporary file: committed, or removed by the caller. */
export function dropPending(temp: string): void {
  pending.delete(temp);
}

/** Registers a temporary directory, removed by an interrupt unless the caller removed it first. */
export function addPendingDir(dir: string): void {
  pendingDirs.add(dir);
}

export function dropPendingDir(dir: string): void {
  pendingDirs.delete(dir);
}

/**
 * Starts a file system call that creates a temporary file or places an output, tracked so that an interrupt waits
 * for it: a call under way when the signal lands still completes in the thread pool after the handler removed the
 * files it knew, and `process.exit` then left a 0-byte `.part` file behind. After an interrupt nothing new starts.
 * @example const handle = await creation(() => open(temp, 'wx'));
 */
export function creation<T>(start: () => Promise<T>): Promise<T> {
  if (interrupted) return Promise.reject(new CliError('interrupted', EXIT.unevaluated));
  const p = start();
  creating.add(p);
  const done = (): void => { creating.delete(p); };
  p.then(done, done);
  return p;
}

/** Whether the process was interrupted: an output placed stays placed (the message names it), not taken back. */
export function wasInterrupted(): boolean {
  return interrupted;
}

/** Records an output placed under its name (`--out`, `--violations` …), for what an interrupt says was written. */
export function notePlaced(given: string): void {
  placed.push(given);
}

/**
 * Removes every uncommitted temporary file and directory, synchronously: for fatal-error handlers and the end of a
 * run. An interrupt uses {@link interruptOutputs}, which also waits for files being created.
 */
export function removePendingOutputs(): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // Already committed or removed, or not created yet.
    }
  }
  pending.clear();
  for (const dir of pendingDirs) rmSync(dir, { recursive: true, force: true });
  pendingDirs.clear();
}

/**
 * What an interrupt does to outputs: no new file is created or placed from now on, the calls under way are waited for
 * (up to two seconds), then every temporary file and directory is removed. Returns the outputs placed before the
 * signal (in order), so the message says what was written rather than "nothing" when a run had placed them.
 * @example const written = await interruptOutputs(); // [] or ['m.json', 'mv.csv']
 */
export async function interruptOutputs(): Promise<readonly string[]> {
  interrupted = true;
  removePendingOutputs();
  const deadline = Date.now() + SETTLE_MS;
  while (creating.size > 0 && Date.now() < deadline) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => { timer = setTimeout(resolve, deadline - Date.now()); });
    await Promise.race([Promise.allSettled([...creating]), late]);
    clearTimeout(timer);
    // The callers' own continuations (a commit noting its output) run before the files are removed.
    await new Promise<void>((resolve) => { setImmediate(resolve); });
  }
  removePendingOutputs();
  return [...placed];
}
