import { runNow } from './_args.js';
import { dirname, relative } from 'node:path';
import { cliPath } from './_cli-path.js';
import { validate as validateDataset } from '../validate.js';
import type { DatasetDefinition, Locale, Report, Violation } from '../core/types.js';
import { definitionFile, resolveDataset } from './_dataset.js';
import { CliError, EXIT, isSystemError, usage } from './_errors.js';
import { appendedPath, checkOutputs, outputPath, refuseReadFiles, stageOutput, type OutputPath } from './_files.js';
import { noteSheet } from './_sheet-note.js';
import { checkEncoding, inputsFirst, openInput, openPostgres, readsAgain, requireReadable, requireRereadable, type InputOptions } from './_input.js';
import { isStdin, STDIN, stdinOf } from './_stdin.js';
import { redactUrl } from '../sources/postgres/redact.js';
import type { CliIo } from './_io.js';
import { progress } from './_progress.js';
import { render } from './_render.js';
import { validateArgs, type ValidateArgs } from './_validate-args.js';
import { suggestedDataset } from './_suggested-dataset.js';
import { openReferences, referenceFiles } from './_references.js';
import { openViolations } from './_violations.js';
import { openGrades } from './_grades.js';
import { commitAll } from './_output-sink.js';
import { openBaseline } from './_baseline.js';
import { historyTarget, openHistory, requireHistoryReadable } from './_history.js';
import { isPostgresUrl } from './_postgres-args.js';
import { historyViolations } from '../history/with-history.js';
import type { RecordGrade } from '../core/grades.js';
import { VALIDATE_HELP } from './help.js';
import { runShard } from './_shard-run.js';
import { headerBelow, headerHint, type HeaderBelow } from './_header-below.js';
import { requireRenamed, requireRenameFields } from './_rename.js';
import { composeRename, readRename, type Rename } from '../core/rename.js';
import { formatHints } from './_format-hints.js';
import { builtins } from './_builtins.js';
import { referenceHints } from './_reference-hints.js';
import { GZIP_PIPE } from '../sources/binary-input.js';
import { maskedGroupsLine } from './_masked-groups.js';
import { _explain, _oneLine } from './_explain.js';

const EXIT_BY_STATUS: Readonly<Record<Report['status'], number>> = {
  passed: EXIT.ok, warned: EXIT.ok, failed: EXIT.failed, error: EXIT.unevaluated,
};

/**
 * `ddss validate <input> --dataset D`: validates one file and prints (or writes) the report; without `--dataset`, against
 * the definition `ddss profile` suggests for the file (said on stderr). Outputs are checked
 * before any row is read, so a long run never ends in "refusing to overwrite"; every violation can be streamed to
 * `--violations`. Returns the exit code of DESIGN §7.
 * @example await validate(['parcels.csv', '--dataset', 'land-parcels', '--format', 'html', '--out', 'r.html'], io)
 */
export async function validate(argv: readonly string[], io: CliIo): Promise<number> {
  const args = await inputsFirst(() => validateArgs(argv), io.cwd);
  if (args.help) {
    io.stdout.write(VALIDATE_HELP);
    return EXIT.ok;
  }
  const encoding = args.encoding === undefined ? undefined : checkEncoding(args.encoding);
  // A database URL is not a path (and is never written anywhere with its password).
  const input = args.postgres !== undefined ? redactUrl(args.input) : isStdin(args.input) ? STDIN : cliPath(io.cwd, args.input);
  // A file that is not there is one line (exit 3), not a report of "could not evaluate" on 0 rows.
  if (args.postgres === undefined) await requireReadable(input, args.input);
  const out = args.out === undefined ? undefined : outputPath('out', args.out, io.cwd);
  const vio = args.violations === undefined ? undefined : outputPath('violations', args.violations.path, io.cwd);
  const grd = args.grades === undefined ? undefined : outputPath('grades', args.grades.path, io.cwd);
  const state = args.shard === undefined ? undefined : outputPath('state-out', args.shard.stateOut, io.cwd);
  const outputs = [out, vio, grd, state].filter((o): o is OutputPath => o !== undefined);
  // Nor any other file the run reads: `--out parcels.yaml --force` replaced the definition with the report.
  const read = [...definitionFile(args.dataset, io.cwd), ...referenceFiles(args, io.cwd),
    ...(args.baseline === undefined ? [] : [{ what: 'the --baseline file', path: cliPath(io.cwd, args.baseline) }])];
  await checkOutputs(outputs, input, args.force, read);
  // A --rename of a column the header does not have would rename nothing: its field would only show as missing.
  await requireRenamed(input, args.input, inputOptions(args, encoding), args.rename, 'rename');
  // The history file is appended to, not replaced: it must only be none of the input and the other outputs.
  const hist = args.history === undefined || isPostgresUrl(args.history) ? undefined : appendedPath('history', args.history, io.cwd);
  await requireHistoryReadable(hist);
  if (hist !== undefined) await checkOutputs([...outputs, hist], input, true, read);
  if (args.dataset === undefined && args.postgres === undefined) {
    await requireRereadable(input, args.input, 'without --dataset, ddss reads the input twice (to suggest a definition, ' +
      'then to validate against it)', 'give --dataset, or save the data to a file first');
  }
  const suggested = args.dataset === undefined
    ? await suggestedDataset(input, args.input, inputOptions(args, encoding), runNow(args, undefined), io, args.workers, args.locale)
    : undefined;
  try {
    return await _validate(args, suggested?.path ?? args.dataset ?? '', input, encoding, { out, vio, grd, state, hist }, io);
  } finally {
    await suggested?.remove();
  }
}

async function _validate(args: ValidateArgs, spec: string, input: string, encoding: string | undefined,
  outputs: { out: OutputPath | undefined; vio: OutputPath | undefined; grd: OutputPath | undefined; state: OutputPath | undefined;
    hist: OutputPath | undefined },
  io: CliIo): Promise<number> {
  const { out, vio, grd, state } = outputs;
  const read: { what: string; path: string }[] = [];
  const definition = await resolveDataset(spec, io.cwd, read);
  // The files the definition read are known only now (its `extends` bases, its `communes` lists): `--out base.yaml
  // --force` replaced the base with the report. Still before any row is read.
  await refuseReadFiles(Object.values(outputs).filter((o): o is OutputPath => o !== undefined), read);
  requireRenameFields(args.rename, definition);
  // A --now without an offset is a time on the clock of the run's zone, which the definition may name. Without
  // --now the run is dated here, not when validate() starts: --history reads the runs dated before it first.
  const now = runNow(args, definition.timeZone) ?? new Date();
  args = { ...args, now, nowWall: false };
  // The definition's `rename:` and its fields (read as themselves whatever their form: `readRename`) under --rename
  // (which wins for the same header or field), for every read of the input: the hints read the columns the run read.
  const rename = composeRename(readRename(definition.rename, Object.keys(definition.fields)), args.rename);

  const references = openReferences(args, definition, io.cwd);
  const unknownColumn = args.grades?.columns.find((c) => !Object.hasOwn(definition.fields, c));
  if (unknownColumn !== undefined) {
    throw usage(`--grades-columns: "${unknownColumn}" is not a field of dataset "${definition.name}"`,
      `--grades-columns: "${unknownColumn}" không phải là trường của tập dữ liệu "${definition.name}"`);
  }
  const masked = maskedGroupsLine(definition, [...(args.grades?.columns ?? []), ...(args.groupBy === undefined ? [] : [args.groupBy])], args.showValues,
    args.locale);
  if (masked !== undefined) io.stderr.write(`${masked}\n`);
  if (args.groupBy !== undefined && !Object.hasOwn(definition.fields, args.groupBy)) {
    throw usage(`--group-by: "${args.groupBy}" is not a field of dataset "${definition.name}"`,
      `--group-by: "${args.groupBy}" không phải là trường của tập dữ liệu "${definition.name}"`);
  }
  const piiKey = args.piiKey ?? io.env.DDSS_PII_KEY;
  _requireKeyForHashes(definition, piiKey, args.showValues);
  const baseline = await openBaseline(args.baseline, definition, args.showValues, io.cwd);
  const history = await openHistory(historyTarget(args.history, args.historyTable, io.cwd, io.env), input, args.input,
    definition.name, now.toISOString(), args.historyThresholds, args.postgres);
  if (args.shard !== undefined && state !== undefined) {
    return runShard({ args: { ...args, shard: args.shard }, input, definition, references, piiKey, state, violations: vio, grades: grd }, io);
  }

  const sink = vio === undefined || args.violations === undefined ? undefined : await openViolations(vio, args.violations.format, args.force, args.bom);
  // Graded records go out in file order, from worker threads too (they come back in order, as violations do).
  const grades = grd === undefined || args.grades === undefined ? undefined
    : await openGrades(grd, args.grades.format, args.force, args.bom, !args.grades.all, args.grades.columns).catch(async (e: unknown) => {
      await sink?.discard();
      throw e;
    });
  const bar = progress(io);
  let measured: Report;
  try {
    const source = bar.track(args.postgres !== undefined ? openPostgres(args.postgres, io.env)
      : openInput(input, args.input, { ...inputOptions(args, encoding, rename), stdin: stdinOf(io), onSheet: noteSheet(io, { locale: args.locale }) }));
    measured = await validateDataset(definition, source, {
      locale: args.locale,
      showValues: args.showValues,
      workers: args.workers,
      ...(args.minBytesPerWorker === undefined ? {} : { minBytesPerWorker: args.minBytesPerWorker }),
      ...(args.timings ? { timings: true } : {}),
      references,
      ...(args.now === undefined ? {} : { now: args.now }),
      ...(args.timeZone === undefined ? {} : { timeZone: args.timeZone }),
      ...(piiKey === undefined || piiKey === '' ? {} : { piiKey }),
      ...(args.failUnder === undefined ? {} : { failUnder: args.failUnder }),
      ...(baseline === undefined ? {} : { baseline }),
      ...(args.maxSamples === undefined ? {} : { maxSamplesPerRule: args.maxSamples }),
      ...(sink === undefined ? {} : { onViolation: (v: Violation) => sink.write(v) }),
      ...(grades === undefined ? {} : { onRecord: (g: RecordGrade) => grades.write(g), gradeColumns: args.grades?.columns ?? [] }),
      ...(args.groupBy === undefined ? {} : { groupBy: args.groupBy }),
      ...(args.worst === undefined ? {} : { worstRecords: args.worst }),
    });
  } catch (e) {
    bar.done();
    await sink?.discard();
    await grades?.discard();
    // A worker thread that died mid-run could not evaluate the data; the definition as written may be fine.
    if (e instanceof Error && e.name === 'WorkerCrashError') throw new CliError(_oneLine(e.message.replace(/^ddss: /, '')), EXIT.unevaluated);
    // The system failed (a full temporary directory): the run could not be completed, whatever the definition says.
    if (isSystemError(e)) throw new CliError(_oneLine((e as Error).message.replace(/^ddss: /, '')), EXIT.unevaluated);
    // Otherwise validate() rejects only when the definition cannot be used (a mistake in it, or in its module).
    throw new CliError(`dataset "${definition.name}" cannot be used: ${(e as Error).message.replace(/^ddss: /, '')}`);
  }
  bar.done();
  const outputStarted = performance.now();
  const judged = history === undefined ? measured : history.judge(measured);
  // History findings are dataset-level findings of the run: they end its violations file, as the engine's do.
  if (history !== undefined) for (const found of historyViolations(judged.rules)) sink?.write(found);
  // The output stage as far as it has gone: a report cannot time its own writing, so the text summary printed
  // after a written report counts that writing too.
  const report = withOutputTime(judged, performance.now() - outputStarted);

  const color = out === undefined && args.format === 'text' && io.stdout.isTTY === true && (io.env.NO_COLOR ?? '') === '';
  // The HTML page links the violations file by a path relative to where the page is (the working directory on stdout).
  const violationsFile = vio === undefined ? undefined : relative(out === undefined ? io.cwd : dirname(out.path), vio.path);
  const text = render(report, args.format, { locale: args.locale, color, violationsFile });
  // The report file is placed with the streamed files, or none is: placed after them, a report that could not be
  // (its name taken during the run, a full disk) left a violations file without its report.
  const staged = out === undefined ? undefined : await stageOutput(out, text, args.force).catch(async (e: unknown) => {
    await sink?.discard();
    await grades?.discard();
    throw e;
  });
  // The run completed (whatever it found): only now do its outputs replace anything.
  await commitAll([staged, sink, grades]);
  if (out === undefined) io.stdout.write(text);
  else if (args.format !== 'text') {
    io.stdout.write(render(withOutputTime(report, performance.now() - outputStarted), 'text', { locale: args.locale, color: false }));
  }
  await history?.append(report);
  // A title above the header makes every declared column "missing": say where the header seems to be.
  // Only a regular file is read again: a named pipe's writer has gone (opening it would wait for ever), a pipe is empty.
  const again = args.postgres === undefined && await readsAgain(input, args.input);
  const options = inputOptions(args, encoding, rename);
  const found = again ? await headerBelow(report, input, options, Object.keys(definition.fields)) : undefined;
  // With the header further down, the columns are not missing under other names: no --rename to suggest.
  _explain(report, io, args.shard === undefined && found === undefined, args.shard === undefined ? GZIP_PIPE : null,
    { ...(definition.rename === undefined ? {} : { definition: definition.rename }), ...(args.rename === undefined ? {} : { flags: args.rename }) });
  if (again) {
    if (found !== undefined) io.stderr.write(`${headerHint(found, args.inputFormat, args.input, belowWhy(found, definition, report.locale), 'validate', report.locale)}\n`);
    // A date or number field declared in one format over a column written in another: name the one its values read in.
    const builtin = builtins().has(spec) ? spec : undefined;
    for (const hint of await formatHints(report, definition, openInput(input, args.input, options), builtin)) io.stderr.write(`${hint}\n`);
    // Every row not in a reference reads as "all the data is wrong": say when the reference is the likelier cause.
    for (const hint of await referenceHints(report, definition, references, openInput(input, args.input, options))) io.stderr.write(`${hint}\n`);
  }
  return EXIT_BY_STATUS[report.status];
}

/** What makes a record below the first the header, for `headerHint`: the declared columns it names, and a `sep=` line above it. */
function belowWhy(found: HeaderBelow, definition: DatasetDefinition, locale: Locale): string {
  const declared = Object.keys(definition.fields).length;
  const sep = found.directive === undefined ? ''
    : locale === 'vi' ? `; dòng 1, "${found.directive}", là chỉ thị dấu phân cách của bảng tính (Excel), không phải dòng tiêu đề`
      : `; line 1, "${found.directive}", is a spreadsheet's delimiter directive (Excel's), not a header`;
  return locale === 'vi' ? `nó có ${found.matched} trong ${declared} cột đã khai báo${sep}` : `it names ${found.matched} of the ${declared} declared columns${sep}`;
}

/** How the input file is read, as every read of it in one run must (the run itself, a suggestion, the hints). */
function inputOptions(args: ValidateArgs, encoding: string | undefined, rename: Rename | undefined = args.rename): InputOptions {
  return { format: args.inputFormat, encoding, delimiter: args.delimiter, sheet: args.sheet, range: args.range, rename,
    jsonRecords: args.jsonRecords };
}

/** The report with its `timings.stages.output` set (unchanged when the run was not timed). */
function withOutputTime(report: Report, ms: number): Report {
  const t = report.timings;
  if (t === undefined) return report;
  return { ...report, timings: { ...t, stages: { ...t.stages, output: Math.round(ms * 1000) / 1000 } } };
}

/** Hashed personal fields need a key, or the same value hashes differently on every run (usage error, exit 2). */
function _requireKeyForHashes(definition: DatasetDefinition, key: string | undefined, showValues: boolean): void {
  if (showValues || (key !== undefined && key !== '')) return;
  const hashed = Object.keys(definition.fields).filter((n) => definition.fields[n]?.privacy === 'hash');
  if (hashed.length > 0) {
    throw usage(`dataset "${definition.name}" hashes ${hashed.join(', ')} (pii: hash), which needs a secret key: ` +
      'set the DDSS_PII_KEY environment variable (or pass --pii-key)',
    `tập dữ liệu "${definition.name}" băm ${hashed.join(', ')} (pii: hash), việc này cần một khóa bí mật: ` +
      'hãy đặt biến môi trường DDSS_PII_KEY (hoặc dùng --pii-key)');
  }
}
