/**
 * What a ddss worker thread tells any copy of ddss running in it (the worker's own, or the one a definition module
 * imports): that it is a worker, and which definition module it is importing. Kept on `globalThis` under a
 * registered symbol, so two copies of the package (a bundled worker and a definition's `import 'ddss'`) see the
 * same marker.
 */
export interface WorkerContext {
  /** The definition module being imported, while the worker imports it. */
  loading: string | undefined;
  /** Ends the whole run with this reason (posted to the main thread at once, whatever the module does next). */
  fail(message: string): void;
}

const KEY = Symbol.for('ddss.worker-context');

/** The context of this thread, when it is a ddss worker. */
export function workerContext(): WorkerContext | undefined {
  return (globalThis as { [KEY]?: WorkerContext })[KEY];
}

/**
 * Marks this thread as a ddss worker. Called once by the worker entry, before it imports anything of the user's.
 * @example enterWorker({ loading: undefined, fail: (m) => port.postMessage({ type: 'failed', message: m }) })
 */
export function enterWorker(context: WorkerContext): void {
  (globalThis as { [KEY]?: WorkerContext })[KEY] = context;
}

/**
 * Throws (after failing the whole run) when `validate()` is called where it would start a runaway: while a worker
 * imports a definition module (the module is a script that validates at top level, and would run again in every
 * worker, each starting more), or with `workers > 1` anywhere in a worker thread (workers never start workers).
 * Outside ddss workers it does nothing.
 * @example refuseNestedValidate(options.workers ?? 1) // first thing in validate()
 */
export function refuseNestedValidate(workers: number): void {
  const context = workerContext();
  if (context === undefined) return;
  let message: string | undefined;
  if (context.loading !== undefined) {
    message = `ddss: the definition module ${context.loading} calls validate() when it is imported, so every worker ` +
      'thread would validate again: put the dataset definition in its own module (one that only defines and exports ' +
      'it, with module: import.meta.url) and validate from another file';
  } else if (workers > 1) {
    message = 'ddss: validate() with workers > 1 was called inside a ddss worker thread; workers never start workers: ' +
      'put the dataset definition in its own module and validate from the main thread';
  }
  if (message === undefined) return;
  context.fail(message);
  throw new Error(message);
}
