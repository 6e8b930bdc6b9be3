import { closeSync, openSync } from 'node:fs';
import { cliPath } from './_cli-path.js';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { compare as compareSides } from '../compare/compare.js';
import { MissingColumnError } from '../compare/missing-column-error.js';
import { missingColumnHint, missingColumnVi } from './_missing-column-hint.js';
import type { ComparisonReport, Difference } from '../compare/types.js';
import type { DatasetDefinition, Locale } from '../core/types.js';
import { changeWriter, type ChangeWriter } from '../outputs/comparison-changes.js';
import { toComparisonHtml } from '../outputs/comparison-html.js';
import { toComparisonJson } from '../outputs/comparison-json.js';
import { toComparisonMarkdown } from '../outputs/comparison-markdown.js';
import { formatComparison } from '../outputs/comparison-text.js';
import { compareArgs, sideRename, type CompareArgs, type CompareFormat, type CompareSide } from './_compare-args.js';
import { definitionFile, resolveDataset } from './_dataset.js';
import { CliError, EXIT, isSystemError, usage } from './_errors.js';
import { isStdin, STDIN, stdinOf } from './_stdin.js';
import { cannotWrite, checkOutputs, discardOutput, outputPath, placeOutput, refuseReadFiles, stageOutput, temporaryPath,
  type OutputPath } from './_files.js';
import { commitAll, type Committable } from './_output-sink.js';
import { inputsFirst, openInput, requireReadable, type InputOptions } from './_input.js';
import { seenRecords, watchRecords, type RecordsSeen } from './_records-hint.js';
import { noteSheet } from './_sheet-note.js';
import { compareHints, encodingHint, watchEncoding, type EncodingSeen } from './_compare-hints.js';
import { SIDE_VI } from '../outputs/_comparison-labels.js';
import { SIDES } from './_compare-inputs.js';
import { keysSeen, spreadsheetKeyLines, watchSpreadsheetKeys, type KeysSeen } from './_spreadsheet-keys.js';
import { renamedPersonal, requireRenamed } from './_rename.js';
import { composeRename } from '../core/rename.js';
import type { CliIo } from './_io.js';
import { COMPARE_HELP } from './_compare-help.js';

const EXIT_BY_STATUS: Readonly<Record<ComparisonReport['status'], number>> = {
  equal: EXIT.ok, different: EXIT.failed, error: EXIT.unevaluated,
};

/**
 * `ddss compare <source> <copy> --key COLS`: reconciles a copy with its source and prints (or writes) the comparison.
 * Outputs are checked before any row is read and written atomically (never over an input); every difference can be
 * streamed to `--changes`. Exit 0 when the copy equals the source, 1 when it differs, 2 usage, 3 unreadable.
 * @example await compare(['2025.csv', '2026.csv', '--key', 'id_no', '--format', 'html', '--out', 'c.html'], io)
 */
export async function compare(argv: readonly string[], io: CliIo): Promise<number> {
  const args = await inputsFirst(() => compareArgs(argv), io.cwd);
  if (args.help) {
    io.stdout.write(COMPARE_HELP);
    return EXIT.ok;
  }
  const source = isStdin(args.source) ? STDIN : cliPath(io.cwd, args.source);
  const copy = isStdin(args.copy) ? STDIN : cliPath(io.cwd, args.copy);
  // A side that is not there is one line (exit 3), not a comparison of nothing with the other side.
  await requireReadable(source, args.source);
  await requireReadable(copy, args.copy);
  // Two names of one file (a `latest.csv` link to this year's export, a name typed twice) compare as equal: said, since
  // "Equal" reads as "nothing changed between the two exports".
  if (await _sameFile(source, copy)) {
    const vi = args.locale === 'vi';
    const names = args.source === args.copy ? JSON.stringify(args.source) : `${JSON.stringify(args.source)} ${vi ? 'và' : 'and'} ${JSON.stringify(args.copy)}`;
    io.stderr.write(vi ? `ddss: nguồn và bản sao là một tệp (${names}): tệp được đối chiếu với chính nó\n`
      : `ddss: the source and the copy are one file (${names}): it is compared with itself\n`);
  }
  const out = args.out === undefined ? undefined : outputPath('out', args.out, io.cwd);
  const changes = args.changes === undefined ? undefined : outputPath('changes', args.changes.path, io.cwd);
  const outputs = [out, changes].filter((o): o is OutputPath => o !== undefined);
  // One check for both inputs, so that an output naming either is said to be an input before anything else.
  await checkOutputs(outputs, source, args.force, [
    ...(isStdin(args.copy) ? [] : [{ what: 'the input file (the copy)', path: copy }]), ...definitionFile(args.dataset, io.cwd)]);
  const options = (side: CompareSide): InputOptions => {
    const format = args.formats[side];
    return { format, encoding: args.encoding[side], delimiter: args.delimiter[side] ?? (format === 'tsv' ? '\t' : undefined), sheet: args.sheet[side],
      range: args.range[side], rename: sideRename(args.rename, side), jsonRecords: args.jsonRecords[side] };
  };
  await _requireRenamed(args, { source, copy }, options);
  const read: { what: string; path: string }[] = [];
  const dataset: DatasetDefinition | undefined = args.dataset === undefined ? undefined : await resolveDataset(args.dataset, io.cwd, read);
  // Known only once loaded: the definition's `extends` bases and `communes` lists.
  await refuseReadFiles(outputs, read);
  const piiKey = args.piiKey ?? io.env.DDSS_PII_KEY;
  // A column renamed from a name that says personal data (`Ngày sinh=d1`) stays masked, as it was under that name,
  // unless the dataset declares the field (its `pii` then decides, as for any declared column).
  const pii = [...new Set([...args.pii, ...(['source', 'copy'] as const).flatMap((side) => renamedPersonal(sideRename(args.rename, side)))
    .filter((c) => dataset === undefined || !Object.hasOwn(dataset.fields, c))])];

  const file = changes === undefined || args.changes === undefined ? undefined : _openChanges(changes, args.changes.format);
  let report: ComparisonReport;
  const seen: Record<CompareSide, EncodingSeen> = { source: { mismatch: undefined, invalid: 0 }, copy: { mismatch: undefined, invalid: 0 } };
  // A wrapped JSON export read as one record has no key column: said with the flag that reads its records.
  const wrapped: Record<CompareSide, RecordsSeen> = { source: {}, copy: {} };
  // Keys a spreadsheet changed (scientific notation, leading zeros dropped), which pair with nothing: said after.
  const keys: Record<CompareSide, KeysSeen> = { source: keysSeen(), copy: keysSeen() };
  try {
    // The dataset's `rename:` reads both files, under the --rename flags (which win for the same header or field).
    const open = (path: string, side: CompareSide) => {
      const source = watchEncoding(openInput(path, args[side], { ...options(side),
        rename: composeRename(dataset?.rename, options(side).rename), stdin: stdinOf(io),
        onSheet: noteSheet(io, { whose: args.locale === 'vi' ? ` của ${SIDE_VI[side]}` : ` of the ${side}`, flag: `sheet-${side}`, locale: args.locale }),
        sheetFlag: `--sheet-${side}` }), seen[side]);
      const watched = watchSpreadsheetKeys(source, args.key, keys[side]);
      return args.formats[side] === 'json' ? watchRecords(watched, wrapped[side]) : watched;
    };
    report = await compareSides(open(source, 'source'), open(copy, 'copy'), {
      key: args.key,
      ...(args.columns === undefined ? {} : { columns: args.columns }),
      ...(dataset === undefined ? {} : { dataset }),
      ignoreCase: args.ignoreCase,
      ignoreWhitespace: args.ignoreWhitespace,
      ...(args.normalize === undefined ? {} : { normalize: args.normalize }),
      pii,
      showValues: args.showValues,
      ...(piiKey === undefined || piiKey === '' ? {} : { piiKey }),
      ...(args.maxSamples === undefined ? {} : { maxSamples: args.maxSamples }),
      ...(args.memoryBudget === undefined ? {} : { memoryBudget: args.memoryBudget * 1024 * 1024 }),
      ...(file === undefined || changes === undefined ? {} : { onChange: (d: Difference) => {
        try {
          file.writer.write(d);
        } catch (e) {
          throw cannotWrite(changes, e); // a full disk: exit 3, naming the file (not a usage error)
        }
      } }),
    });
  } catch (e) {
    if (file !== undefined) await _discard(file);
    if (e instanceof CliError) throw e;
    // The system failed (temporary files past --memory-budget on a full disk, a file that vanished): the comparison
    // could not be made, which is no mistake in how it was asked for.
    if (isSystemError(e)) {
      const where = e.code === 'ENOSPC' || e.code === 'EDQUOT' ? ` (past --memory-budget both sides go to temporary files in ${tmpdir()})` : '';
      throw new CliError(`the comparison could not be completed: ${(e as Error).message.replace(/^ddss: /, '')}${where}`, EXIT.unevaluated);
    }
    // Otherwise compare() rejects only for options that do not fit the files (a key or column a header lacks): for a
    // column, say what to give instead, as validate does for a field.
    const own = (e as Error).message.replace(/^ddss: /, '');
    if (!(e instanceof MissingColumnError)) throw usage(own);
    const context = { paths: { source, copy }, given: { source: args.source, copy: args.copy }, inputs: args, options,
      rename: { source: sideRename(args.rename, 'source'), copy: sideRename(args.rename, 'copy') }, key: args.key,
      columns: args.columns, pii: args.pii, showValues: args.showValues };
    // Its first rows were read: a file in another encoding (a legacy export that is also `;`-separated) is said now,
    // not on the run after the next. Said in both languages: the usage error is shown in the one --locale names.
    const said = async (locale: Locale, first: string): Promise<string> => {
      const hint = await missingColumnHint(e.missing, { ...context, locale });
      const encodings = SIDES.map((side) => encodingHint(side, args, seen[side], undefined, locale)).filter((h) => h !== undefined);
      return `${first}${hint}${[...encodings, ..._wrappedHints(wrapped, locale)].map((h) => `; ${h}`).join('')}`;
    };
    throw usage(await said('en', own), await said('vi', missingColumnVi(e.missing, args.showValues)));
  }
  // The comparison completed (whatever it found): only now do its outputs replace anything. A partial read leaves
  // no changes file: differences of half a file would look like a whole answer; nor does a comparison of nothing.
  const evaluated = report.status !== 'error';
  if (file !== undefined && !evaluated) await _discard(file);
  const kept = file !== undefined && changes !== undefined && evaluated ? _committable(file, changes, args.force) : undefined;
  const text = _render(report, args.format, args.locale);
  // The report file is placed with the changes file, or neither is: placed after it, a report that could not be
  // (its name taken during the run, a full disk) left a changes file without its report.
  const staged = out === undefined ? undefined : await stageOutput(out, text, args.force).catch(async (e: unknown) => {
    await kept?.discard();
    throw e;
  });
  await commitAll([staged, kept]);
  if (out === undefined) io.stdout.write(text);
  else if (args.format !== 'text') io.stdout.write(_render(report, 'text', args.locale));
  for (const line of compareHints(report, args, { source: args.source, copy: args.copy }, seen, args.locale)) io.stderr.write(`${line}\n`);
  for (const hint of _wrappedHints(wrapped, args.locale)) io.stderr.write(`ddss: ${hint}\n`);
  for (const line of spreadsheetKeyLines(report, keys, args.locale)) io.stderr.write(`${line}\n`);
  return EXIT_BY_STATUS[report.status];
}

/**
 * What to say of the inputs that are one JSON object holding their records under a key: one hint naming
 * `--json-records` when both hold them at the same path, else one per input naming its own flag.
 */
function _wrappedHints(wrapped: Readonly<Record<CompareSide, RecordsSeen>>, locale: Locale = 'en'): string[] {
  const vi = locale === 'vi';
  const { source, copy } = wrapped;
  if (source.found !== undefined && source.found.records === copy.found?.records) {
    return [`${vi ? 'cả hai tệp là một đối tượng JSON' : 'both files are one JSON object'}: ${seenRecords(source, 'json-records', locale) ?? ''}`];
  }
  return SIDES.flatMap((side) => {
    const hint = seenRecords(wrapped[side], `json-records-${side}`, locale);
    return hint === undefined ? [] : [`${vi ? `${SIDE_VI[side]} là một đối tượng JSON` : `the ${side} is one JSON object`}: ${hint}`];
  });
}

/**
 * Refuses, before anything is read, a renamed column an input's header does not have: a `--rename` column must be in
 * both headers (else it is the other input's, for `--rename-source` or `--rename-copy`), a side's own in its header.
 */
async function _requireRenamed(args: CompareArgs, paths: Readonly<Record<CompareSide, string>>,
  options: (side: CompareSide) => InputOptions): Promise<void> {
  for (const side of ['source', 'copy'] as const) {
    const other = side === 'source' ? 'copy' : 'source';
    await requireRenamed(paths[side], args[side], options(side), args.rename.both, 'rename', ` of the ${side}`, {
      en: `; --rename renames the columns of both files: rename the ${other}'s alone with --rename-${other}`,
      vi: `; --rename đổi tên cột của cả hai tệp: hãy đổi tên cột của riêng ${other === 'copy' ? 'bản sao' : 'tệp nguồn'} bằng --rename-${other}` });
    await requireRenamed(paths[side], args[side], options(side), args.rename[side], `rename-${side}`, ` of the ${side}`);
  }
}

/** Whether two inputs are one regular file (same device and inode); standard input and pipes are not compared. */
async function _sameFile(a: string, b: string): Promise<boolean> {
  if (a === STDIN || b === STDIN) return false;
  const [x, y] = await Promise.all([stat(a), stat(b)]).catch(() => [undefined, undefined]);
  return x !== undefined && y !== undefined && x.isFile() && x.dev === y.dev && x.ino === y.ino;
}

interface ChangesFile {
  readonly temp: string;
  readonly fd: number;
  readonly writer: ChangeWriter;
}

function _openChanges(o: OutputPath, format: 'csv' | 'ndjson'): ChangesFile {
  const temp = temporaryPath(o);
  try {
    const fd = openSync(temp, 'wx');
    return { temp, fd, writer: changeWriter(fd, format) };
  } catch (e) {
    void discardOutput(temp);
    throw cannotWrite(o, e);
  }
}

/** The changes file as {@link commitAll} places it: flushed and closed, then put in place (or taken back). */
function _committable(file: ChangesFile, o: OutputPath, force: boolean): Committable {
  let closed: Promise<void> | undefined;
  let withdraw = (): Promise<void> => Promise.resolve();
  const close = (): Promise<void> => (closed ??= (async () => {
    try {
      file.writer.flush();
      closeSync(file.fd);
    } catch (e) {
      await discardOutput(file.temp);
      throw cannotWrite(o, e);
    }
  })());
  return {
    close,
    commit: async () => {
      await close();
      withdraw = await placeOutput(o, file.temp, force);
    },
    // Once closed, its descriptor is not closed again: the number may by then be another file's.
    discard: async () => {
      if (closed === undefined) return _discard(file);
      await closed.catch(() => undefined);
      await discardOutput(file.temp);
    },
    withdraw: () => withdraw(),
  };
}

async function _discard(file: ChangesFile): Promise<void> {
  try {
    closeSync(file.fd);
  } catch {
    // Already closed.
  }
  await discardOutput(file.temp);
}

function _render(report: ComparisonReport, format: CompareFormat, locale: Locale): string {
  switch (format) {
    case 'text': return formatComparison(report, { locale });
    case 'json': return toComparisonJson(report);
    case 'html': return toComparisonHtml(report, { locale });
    case 'md': return toComparisonMarkdown(report, { locale });
  }
}
