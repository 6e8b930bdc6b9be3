/**
 * A worker thread that died while validating — a throw outside any rule (a definition module's timer), running out
 * of memory, an exit — rather than reporting a failure of its own. The run could not be evaluated, but nothing is
 * wrong with how it was asked for: the CLI exits 3 for it, not 2.
 * @example if (e instanceof Error && e.name === 'WorkerCrashError') return EXIT.unevaluated;
 */
export class WorkerCrashError extends Error {
  override readonly name = 'WorkerCrashError';
}
