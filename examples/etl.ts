/**
 * An ETL step that refuses to load bad data — a template to copy into your pipeline. It reads an export (CSV),
 * validates it with a built-in dataset, writes every violation to a CSV file the data stewards can open in Excel,
 * prints a summary, and stops the pipeline (exit code 1) when a criterion is below its threshold.
 *
 *   npx tsx examples/etl.ts examples/land/parcels.csv --dataset land-parcels --violations out/violations.csv --now 2026-11-22
 *
 * Exit codes: 0 = the data meets every threshold and was loaded; 1 = a criterion is below its threshold (nothing is
 * loaded); 3 = the file could not be evaluated completely. Change THRESHOLDS and `load` for your register.
 * (`--now` fixes the date of the run; the samples describe 22/11/2026. In production leave it out.)
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CRITERIA, formatSummary, readCsv, validate, violationSink, type Criterion, type Report } from 'ddss';
import { builtinDatasets } from 'ddss/datasets';

/** The bar a register must meet before it is loaded: minimum score per criterion (share of good records). */
export const THRESHOLDS: Readonly<Record<Criterion, number>> = { correct: 0.9, sufficient: 0.95, clean: 0.9, live: 0.9 };

export interface EtlOptions {
  /** The CSV export to check. */
  readonly input: string;
  /** A built-in dataset: `land-parcels` or `insurance-participants`. */
  readonly dataset: string;
  /** Where to write the violations (`.csv` or `.ndjson`). */
  readonly violations: string;
  /** The file's encoding: legacy systems export `tcvn3`, `vni` or `windows-1258`. Default `utf8`. */
  readonly encoding?: string;
  /** The date of the run (ISO). Default: now. */
  readonly now?: string;
  /** Overrides of THRESHOLDS. */
  readonly thresholds?: Partial<Readonly<Record<Criterion, number>>>;
  /** Where the summary goes. Default: standard output. */
  readonly log?: (text: string) => void;
}

export interface EtlResult {
  readonly exitCode: 0 | 1 | 3;
  readonly report: Report;
  /** The criteria below their threshold (a criterion nobody measured counts as below). */
  readonly below: ReadonlyArray<{ readonly criterion: Criterion; readonly score: number | null; readonly min: number }>;
}

/**
 * Runs the step: extract, validate, gate, load.
 * @example const { exitCode } = await runEtl({ input: 'parcels.csv', dataset: 'land-parcels', violations: 'v.csv' });
 */
export async function runEtl(options: EtlOptions): Promise<EtlResult> {
  const log = options.log ?? ((text: string) => process.stdout.write(`${text}\n`));
  const definition = builtinDatasets[options.dataset];
  if (definition === undefined) throw new Error(`unknown dataset "${options.dataset}" (${Object.keys(builtinDatasets).join(', ')})`);

  // 1. Extract: stream the file; the encoding is declared, never guessed.
  const source = readCsv(options.input, { encoding: options.encoding ?? 'utf8' });

  // 2. Validate, streaming every violation to a file (personal data stays masked there too). A BOM lets Excel read
  //    the Vietnamese messages correctly.
  await mkdir(dirname(options.violations), { recursive: true });
  const sink = violationSink(options.violations, { bom: true });
  const report = await validate(definition, source, {
    ...(options.now === undefined ? {} : { now: options.now }),
    locale: 'vi',
    onViolation: sink.write,
  });
  await sink.close();
  log(formatSummary(report));

  // 3. Gate: a register that cannot be read completely, or misses a threshold, is not loaded.
  if (report.status === 'error') {
    log(`✗ ${options.input} could not be evaluated completely: ${report.source?.error ?? 'a rule failed to run'}`);
    return { exitCode: 3, report, below: [] };
  }
  const thresholds = { ...THRESHOLDS, ...options.thresholds };
  const below = CRITERIA
    .map((criterion) => ({ criterion, score: report.criteria[criterion].score, min: thresholds[criterion] }))
    .filter(({ score, min }) => score === null || score < min);
  if (below.length > 0) {
    for (const b of below) log(`✗ ${b.criterion}: ${b.score === null ? 'not measured' : b.score.toFixed(4)} < ${b.min}`);
    log(`The pipeline stops; see ${options.violations} for every violation.`);
    return { exitCode: 1, report, below };
  }

  // 4. Load: only data that met the bar gets here. Replace with your load step (database, API, next stage).
  log(`✓ ${report.rows} records meet every threshold; loading.`);
  return { exitCode: 0, report, below };
}

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      dataset: { type: 'string', default: 'land-parcels' },
      violations: { type: 'string', default: 'violations.csv' },
      encoding: { type: 'string' },
      now: { type: 'string' },
    },
  });
  const input = positionals[0];
  if (input === undefined) {
    process.stderr.write('usage: etl.ts <file.csv> [--dataset land-parcels] [--violations violations.csv] [--encoding utf8] [--now ISO]\n');
    return 2;
  }
  const { exitCode } = await runEtl({
    input, dataset: values.dataset, violations: values.violations,
    ...(values.encoding === undefined ? {} : { encoding: values.encoding }),
    ...(values.now === undefined ? {} : { now: values.now }),
  });
  return exitCode;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 3;
  });
}
