import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, relative } from 'node:path';
import { validateShard } from '../parallel/validate-shard.js';
import { encodeShardState } from '../parallel/state-file.js';
import { readCsv, type CsvSource } from '../sources/csv/read-csv.js';
import { readJson, type JsonSource } from '../sources/json/read-json.js';
import type { PostgresSource } from '../sources/postgres/read-postgres.js';
import { PostgresShardError } from '../parallel/validate-postgres-shard.js';
import { openPostgres } from './_input.js';
import type { Reference } from '../reference/reference.js';
import type { DatasetDefinition, Violation } from '../core/types.js';
import type { ShardState } from '../parallel/shard-state.js';
import { CliError, EXIT, cannotRead } from './_errors.js';
import { fileErrorText } from '../core/file-error-text.js';
import { plainText } from '../outputs/_escape.js';
import { stageOutput, type OutputPath } from './_files.js';
import type { CliIo } from './_io.js';
import { openViolations } from './_violations.js';
import { openGrades } from './_grades.js';
import { commitAll, type Committable } from './_output-sink.js';
import type { RecordGrade } from '../core/grades.js';
import type { ValidateArgs } from './_validate-args.js';
import { readError } from './_read-error.js';

/** What `ddss validate --shard` has resolved before it reads the input. */
export interface ShardRun {
  readonly args: ValidateArgs & { readonly shard: NonNullable<ValidateArgs['shard']> };
  readonly input: string;
  readonly definition: DatasetDefinition;
  readonly references: Record<string, Reference>;
  readonly piiKey: string | undefined;
  readonly state: OutputPath;
  readonly violations: OutputPath | undefined;
  readonly grades: OutputPath | undefined;
}

/**
 * `ddss validate INPUT --shard K/N --state-out FILE`: validates shard K of N and writes its state (and, with
 * `--violations F.ndjson` and `--grades G.ndjson`, its violations and graded records numbered within the shard), each
 * atomically, the state last, naming the other files with their sha256: an interrupted shard leaves
 * no state for `ddss merge` to accept. Exit 0 once written; 3 when the shard could not read its part completely
 * (its state is still written, and the merged report is partial as one process's would be).
 * @example await runShard({ args, input, definition, references, piiKey, state, violations, grades }, io)
 */
export async function runShard(r: ShardRun, io: CliIo): Promise<number> {
  const { args } = r;
  const sink = r.violations === undefined ? undefined : await openViolations(r.violations, 'ndjson', args.force, false);
  const columns = args.grades?.columns ?? [];
  const all = args.grades?.all === true;
  const grades = r.grades === undefined ? undefined
    // Marked as the shard's: rows numbered within a shard sent a clerk to the wrong line when worklist read it.
    : await openGrades(r.grades, 'ndjson', args.force, false, !all, columns, `${args.shard.spec.index}/${args.shard.spec.count}`).catch(async (e: unknown) => {
      await sink?.discard();
      throw e;
    });
  let count = 0;
  let shard: ShardState;
  try {
    shard = await validateShard(r.definition, shardSource(r, io), {
      shard: args.shard.spec, now: args.now as Date, datasetSpec: args.dataset ?? '', locale: args.locale, showValues: args.showValues,
      references: r.references,
      ...(args.timeZone === undefined ? {} : { timeZone: args.timeZone }),
      ...(r.piiKey === undefined || r.piiKey === '' ? {} : { piiKey: r.piiKey }),
      ...(args.maxSamples === undefined ? {} : { maxSamplesPerRule: args.maxSamples }),
      // The merged report's worst records and groups come from every shard's (the merge keeps the worst of all).
      ...(args.worst === undefined ? {} : { worstRecords: args.worst }),
      ...(args.groupBy === undefined ? {} : { groupBy: args.groupBy }),
      ...(sink === undefined ? {} : { onViolation: (v: Violation) => { count++; return sink.write(v); } }),
      ...(grades === undefined ? {} : { onRecord: (g: RecordGrade) => grades.write(g), gradeColumns: columns }),
    });
  } catch (e) {
    await sink?.discard();
    await grades?.discard();
    const err = e as NodeJS.ErrnoException;
    const text = fileErrorText(e).split('\n')[0] ?? '';
    // A table that cannot be cut (the server, the catalog) could not be evaluated (exit 3).
    if (e instanceof PostgresShardError) throw new CliError(text, EXIT.unevaluated);
    // A file that cannot be opened could not be evaluated (exit 3); anything else is how the shard was asked for.
    throw err.code === undefined ? new CliError(text, EXIT.usage) : cannotRead(args.input, e);
  }
  // The state names its violations and graded-records files (relative to itself) with their sha256 and lines: they
  // are flushed and hashed as written, then the three are placed together, the state first (a state that cannot be
  // placed leaves neither file behind; files without a state would only stand in the way of the next run).
  const outputs = [sink, grades];
  let staged: Committable;
  try {
    for (const o of outputs) await o?.close();
    const file = (o: OutputPath) => relative(dirname(r.state.path), o.path).split('\\').join('/');
    const recorded: ShardState = {
      ...shard,
      ...(r.violations === undefined || sink === undefined ? {} : {
        violations: { file: file(r.violations), count, sha256: (await digest(sink.temporary)).sha256 },
      }),
      ...(r.grades === undefined || grades === undefined ? {} : await digest(grades.temporary).then((d) => ({
        grades: { file: file(r.grades as OutputPath), count: d.lines, sha256: d.sha256, all, columns },
      }))),
    };
    staged = await stageOutput(r.state, encodeShardState(recorded), args.force);
  } catch (e) {
    for (const o of outputs) await o?.discard();
    throw e;
  }
  await commitAll([staged, ...outputs]);
  const { index, count: n } = shard.shard;
  const where = shard.input.kind === 'postgres' ? `key range ${index} of ${n}`
    : shard.input.kind === 'json' ? `lines ${shard.range.began + 1}–${shard.range.ended}` : `bytes ${shard.range.began}–${shard.range.ended}`;
  // The names are data (stdout is not escaped as stderr is): ESC or U+202E in a file name must not reach the terminal.
  io.stdout.write(`ddss: shard ${index}/${n} of ${plainText(shard.input.name)}: ${shard.state.rows} rows (${where}) → ${plainText(r.state.given)}\n`);
  if (shard.range.error !== undefined) {
    // A shard reads no standard input: the gzip advice is gunzip alone (not a pipe into `ddss validate -`).
    io.stderr.write(`ddss: shard ${index}/${n} could not read its part completely: ${readError(shard.range.error.split('\n')[0] ?? '', undefined)}\n`);
    return EXIT.unevaluated;
  }
  return EXIT.ok;
}

/** The input of a shard as `validateShard` reads it: a CSV or JSON file by its path, or a PostgreSQL table. */
function shardSource(r: ShardRun, io: CliIo): CsvSource | JsonSource | PostgresSource {
  const { args } = r;
  if (args.postgres !== undefined) return openPostgres(args.postgres, io.env) as PostgresSource;
  const name = basename(args.input);
  if (args.inputFormat === 'json' || args.inputFormat === 'ndjson') {
    return readJson(r.input, { format: args.inputFormat, name, ...(args.jsonRecords === undefined ? {} : { records: args.jsonRecords }) });
  }
  return readCsv(r.input, {
    name,
    ...(args.encoding === undefined ? {} : { encoding: args.encoding }),
    ...(args.delimiter === undefined ? {} : { delimiter: args.delimiter }),
    // Recorded in the state with the definition's rename: (validateShard), so the merge takes only shards renamed alike.
    ...(args.rename === undefined ? {} : { header: args.rename }),
  });
}

/** The sha256 of a file's bytes and how many lines (records) it holds, in one read. */
async function digest(path: string): Promise<{ sha256: string; lines: number }> {
  const hash = createHash('sha256');
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    const buf = chunk as Buffer;
    hash.update(buf);
    for (let at = buf.indexOf(0x0a); at >= 0; at = buf.indexOf(0x0a, at + 1)) lines++;
  }
  return { sha256: hash.digest('hex'), lines };
}
