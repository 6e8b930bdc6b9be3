import type { RowBatch, TabularSource } from '../core/source.js';
import type { CliIo } from './_io.js';

/** Progress appears only after this long, so short runs (and tests) print nothing. */
const DELAY_MS = 2000;
const EVERY_MS = 250;

/** A progress line on stderr: rows read and rows per second. */
export interface Progress {
  /** Wraps a source so that each batch read updates the line. */
  track(source: TabularSource): TabularSource;
  /** Clears the line, if one was drawn. */
  done(): void;
}

/**
 * Progress on stderr, shown only when stderr is a terminal, not in CI, and the run has lasted over 2 s: pipes,
 * files and CI logs never see carriage returns.
 * @example const p = progress(io); await validate(def, p.track(source)); p.done();
 */
export function progress(io: CliIo): Progress {
  const enabled = io.stderr.isTTY === true && (io.env.CI ?? '') === '' && io.env.TERM !== 'dumb';
  const clock = io.clock ?? (() => performance.now());
  const start = clock();
  let rows = 0;
  let drawn = false;
  let last = 0;
  const tick = (n: number) => {
    rows += n;
    const now = clock();
    if (now - start < DELAY_MS || now - last < EVERY_MS) return;
    last = now;
    const rate = Math.round(rows / ((now - start) / 1000));
    io.stderr.write(`\r\x1b[Kddss: ${rows.toLocaleString('en')} rows, ${rate.toLocaleString('en')} rows/s`);
    drawn = true;
  };
  return {
    track(source) {
      if (!enabled) return source;
      return {
        // A file or a table that workers split keeps its handle (a parallel run reports no per-batch progress here).
        ...('file' in source ? { file: (source as { file: unknown }).file } : {}),
        ...('postgres' in source ? { postgres: (source as { postgres: unknown }).postgres } : {}),
        kind: source.kind,
        info: () => source.info(),
        async *batches(): AsyncGenerator<RowBatch> {
          for await (const batch of source.batches()) {
            tick(batch.rows.length);
            yield batch;
          }
        },
      };
    },
    done() {
      if (drawn) io.stderr.write('\r\x1b[K');
      drawn = false;
    },
  };
}
