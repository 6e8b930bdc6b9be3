/**
 * One measurement, run by bench/run.ts in a child process of its own so that the peak RSS it reports belongs to this
 * measurement alone (worker threads share the process, so their memory is included). Prints one JSON line:
 * `{ kind, ms, cpuMs, otherMs?, stealMs?, maxRssMb, rows, counts? }`; `ms` is the wall time of the work itself, after
 * module loading, `cpuMs` its user + system CPU time over all threads, `otherMs` and `stealMs` what the rest of the
 * machine took meanwhile (Linux).
 * Usage: node --import tsx bench/_measure.ts <parse|loop|ddss|duckdb|duckdb-idiomatic|duckdb-whole|idle> <file.csv> <nowIso> [workers|threads]
 */
import { hostCpu, otherWork } from './_host-cpu.mjs';

// Each kind imports only what it uses, so one tool's modules (DuckDB's native library) never count in another's RSS.

export type Kind = 'parse' | 'loop' | 'ddss' | 'duckdb' | 'duckdb-idiomatic' | 'duckdb-whole' | 'idle';

export interface Measurement {
  readonly kind: Kind;
  readonly ms: number;
  /** User + system CPU time of the work, all threads of the process (DuckDB's and ddss's workers included). */
  readonly cpuMs: number;
  /**
   * Linux: CPU time the rest of the machine used during the work (every other process, the bench's parent included),
   * and the time the hypervisor gave this machine's cores to others (steal), over the same span (bench/_host-cpu.mjs).
   */
  readonly otherMs?: number;
  readonly stealMs?: number;
  readonly maxRssMb: number;
  readonly rows: number;
  readonly counts?: Readonly<Record<string, number>>;
  /** ddss runs: SHA-256 of the JSON report, compared across engine versions by bench/run.ts. */
  readonly reportSha256?: string;
  /** ddss runs: the system part of `cpuMs`. */
  readonly sysMs?: number;
  /** ddss runs on Linux: `cpuMs` by thread (bench/_measure-ddss.mjs): the calling thread, ddss's worker threads, the rest. */
  readonly threads?: { readonly callingMs: number; readonly workersMs: number; readonly backgroundMs: number };
}

type Run = (path: string, now: Date, n: number) => Promise<{ rows: number; counts?: Record<string, number> }>;

/** Loads what `kind` needs (and only that) and returns the work to time. */
async function load(kind: string): Promise<Run> {
  switch (kind) {
    case 'parse': {
      const { readCsv } = await import('../src/sources/csv/read-csv.js');
      return async (path) => {
        let rows = 0;
        for await (const batch of readCsv(path).batches()) rows += batch.rows.length;
        return { rows };
      };
    }
    case 'loop': {
      const { runLoop } = await import('./_loop.js');
      return (path, now) => runLoop(path, now.getTime());
    }
    case 'ddss': {
      const [{ readCsv }, { validate }, { landParcels }, { COMPARED }] = await Promise.all([
        import('../src/sources/csv/read-csv.js'), import('../src/validate.js'),
        import('../rules/datasets/land-parcels.js'), import('./_checks.js'),
      ]);
      return async (path, now, workers) => {
        const report = await validate(landParcels, readCsv(path), { now, workers });
        const wanted = new Set<string>(COMPARED);
        const counts: Record<string, number> = {};
        for (const r of report.rules) if (wanted.has(r.id)) counts[r.id] = r.failed;
        return { rows: report.rows, counts };
      };
    }
    case 'duckdb': {
      const { runDuckDb } = await import('./_duckdb.js');
      return (path, now, threads) => runDuckDb(path, now.getTime(), threads);
    }
    case 'duckdb-idiomatic': {
      const { runDuckDbIdiomatic } = await import('./_duckdb-idiomatic.js');
      return (path, now, threads) => runDuckDbIdiomatic(path, now.getTime(), threads);
    }
    case 'duckdb-whole': {
      const { runDuckDbWhole } = await import('./_duckdb-whole.js');
      return (path, now, threads) => runDuckDbWhole(path, now.getTime(), threads);
    }
    case 'idle': return () => Promise.resolve({ rows: 0 }); // Node + tsx alone: the baseline every child pays
    default: throw new Error(`unknown measurement ${kind}`);
  }
}

async function main(): Promise<void> {
  const [kind, path, nowIso, extra] = process.argv.slice(2);
  if (kind === undefined || path === undefined || nowIso === undefined) throw new Error('usage: _measure.ts <kind> <file> <now> [n]');
  // Module loading is excluded from the time: a one-off cost of this harness, not of validating.
  const run = await load(kind);
  const host0 = hostCpu();
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await run(path, new Date(nowIso), Number(extra ?? 1));
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu0);
  const cpuMs = (used.user + used.system) / 1000;
  // What the rest of the machine did meanwhile (bench/_host-cpu.mjs): a busy machine shows here, not in cpuMs.
  const host = otherWork(host0, hostCpu(), cpuMs);
  // resourceUsage().maxRSS is in KiB and covers every thread of this process (ddss workers, DuckDB threads).
  const out: Measurement = { kind: kind as Kind, ms, cpuMs, ...host, maxRssMb: process.resourceUsage().maxRSS / 1024, ...result };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
