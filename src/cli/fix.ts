import { runNow } from './_args.js';
import { once } from 'node:events';
import { cliPath } from './_cli-path.js';
import type { Writable } from 'node:stream';
import { basename } from 'node:path';
import { fix as fixFile } from '../fix/fix.js';
import { changeLogSink } from '../fix/change-log.js';
import { fixHeading, fixSummary } from '../fix/fix-summary.js';
import { plainText } from '../outputs/_escape.js';
import type { FixChange, FixResult } from '../fix/types.js';
import type { Locale, Report } from '../core/types.js';
import { definitionFile, resolveDataset } from './_dataset.js';
import { CliError, EXIT, usage } from './_errors.js';
import { cannotWrite, checkOutputs, outputPath, type OutputPath } from './_files.js';
import { requireReadable, requireRereadable } from './_input.js';
import { fixArgs } from './_fix-args.js';
import type { CliIo } from './_io.js';
import { commitAll, openOutputSink } from './_output-sink.js';
import { openReferences, referenceFiles } from './_references.js';
import { requireRenamed, requireRenameFields } from './_rename.js';
import { FIX_HELP } from './help.js';
import { _explain, partialReason } from './_explain.js';

const EXIT_BY_STATUS: Readonly<Record<Report['status'], number>> = {
  passed: EXIT.ok, warned: EXIT.ok, failed: EXIT.failed, error: EXIT.unevaluated,
};

/**
 * `ddss fix <input> --dataset D --out FIXED [--log CHANGES.csv]`: writes the input with its safely fixable cells fixed
 * and prints the scores before → after. Outputs are checked before any row is read, never overwrite anything and
 * appear only when the run completed. Exit code: that of validating the fixed file (0 passed or warned, 1 failed,
 * 3 the input could not be read whole), or 2 for a usage error.
 * @example await fix(['parcels.csv', '-d', 'land-parcels', '--out', 'fixed.csv', '--log', 'changes.csv'], io)
 */
export async function fix(argv: readonly string[], io: CliIo): Promise<number> {
  const args = fixArgs(argv);
  if (args.help) {
    io.stdout.write(FIX_HELP);
    return EXIT.ok;
  }
  const input = cliPath(io.cwd, args.input);
  await requireReadable(input, args.input);
  // fix has no --force: its refusals must not offer one (they did, and the flag was then an unknown option).
  const out: OutputPath | undefined = args.out === undefined ? undefined : { ...outputPath('out', args.out, io.cwd), noForce: true };
  const logPath: OutputPath | undefined = args.log === undefined ? undefined
    : { ...outputPath('log', args.log.path, io.cwd), noForce: true };
  // An input that cannot be read twice is said first: no output flag can make it work.
  await requireRereadable(input, args.input, 'fix reads its input several times (to validate it, gather the records ' +
    'to fix, write the copy)');
  await checkOutputs([out, logPath].filter((o): o is OutputPath => o !== undefined), input, false,
    [...definitionFile(args.dataset, io.cwd), ...referenceFiles(args, io.cwd)]);
  // A renamed column the header does not have would rename nothing: its field would only show as missing.
  await requireRenamed(input, args.input, { format: 'csv', encoding: args.encoding, delimiter: args.delimiter }, args.rename, 'rename');
  const definition = await resolveDataset(args.dataset, io.cwd);
  requireRenameFields(args.rename, definition);
  // A --now without an offset is a time on the clock of the run's zone, which the definition may name.
  const now = runNow(args, definition.timeZone);
  const references = openReferences(args, definition, io.cwd);
  const piiKey = args.piiKey ?? io.env.DDSS_PII_KEY;

  const log = logPath === undefined || args.log === undefined ? undefined
    : await openOutputSink(logPath, false, (s) => changeLogSink(s, { format: args.log?.format ?? 'csv', bom: args.bom }));
  const fixed = out === undefined ? undefined : await openOutputSink(out, false, (s) => fixedFile(out, s)).catch(async (e: unknown) => {
    await log?.discard();
    throw e;
  });
  const left: Record<string, number> = {};
  let result: FixResult;
  try {
    result = await fixFile(definition, input, {
      only: args.only, delimiter: args.delimiter, encoding: args.encoding, toUtf8: args.toUtf8, name: basename(args.input),
      ...(args.rename === undefined ? {} : { rename: args.rename }),
      locale: args.locale, showValues: args.showValues,
      references, workers: args.workers,
      ...(args.minBytesPerWorker === undefined ? {} : { minBytesPerWorker: args.minBytesPerWorker }),
      ...(now === undefined ? {} : { now }),
      ...(args.timeZone === undefined ? {} : { timeZone: args.timeZone }),
      ...(piiKey === undefined || piiKey === '' ? {} : { piiKey }),
      ...(fixed === undefined ? {} : { write: fixed.write }),
      onChange: (c: FixChange) => {
        if (c.reason !== undefined) left[c.reason] = (left[c.reason] ?? 0) + 1;
        return log?.write(c);
      },
    });
  } catch (e) {
    await fixed?.discard();
    await log?.discard();
    if (e instanceof CliError) throw e;
    const text = (e as Error).message.replace(/^ddss: /, '');
    // The library says which encoding the input reads as (only a UTF-16 byte order mark switches UTF-8 to another) in
    // its options' words (toUtf8): the command line names its flags.
    const bom = /^fix rewrites UTF-8 files only; this input reads as (\S+) \(/.exec(text)?.[1];
    if (bom !== undefined) {
      throw usage(`fix rewrites UTF-8 files only; this input reads as ${bom} (its byte order mark says so): ` +
        `add --encoding ${bom} --to-utf8 to write it as UTF-8`);
    }
    if (/UTF-8 files only/.test(text)) throw usage(text);
    const likely = /^fix reads this file as .*: declare its encoding \((\S+)\)$/.exec(text)?.[1];
    if (likely !== undefined) {
      throw usage(text.replace(/declare its encoding \(\S+\)$/, likely === 'utf8' ? 'leave out --encoding and --to-utf8 ' +
        '(it is fixed as the UTF-8 it is); nothing written' : `declare --encoding ${likely} --to-utf8; nothing written`));
    }
    throw new CliError(`dataset "${definition.name}" cannot be used: ${text}`);
  }
  const vi = args.locale === 'vi';
  if (result.before.partial) {
    await fixed?.discard();
    await log?.discard();
    // fix reads its input several times, never standard input: a gzip file is to be decompressed, not piped.
    const why = partialReason(result.before, null);
    io.stderr.write(vi ? `ddss: không đọc được toàn bộ nguồn dữ liệu: ${why}; không tệp nào được ghi\n`
      : `ddss: could not read the whole input: ${why}; nothing written\n`);
    return EXIT.unevaluated;
  }
  // A run that could not be evaluated (exit 3: a header alone, a rule that threw) writes nothing, as a partial read does:
  // a "fixed" copy appeared beside "nothing to evaluate".
  const unevaluated = result.before.status === 'error' || result.after.status === 'error';
  if (unevaluated) {
    await fixed?.discard();
    await log?.discard();
  } else {
    // Both or neither: a fixed file whose log could not be written (or the reverse) is not left behind.
    await commitAll([fixed, log]);
  }
  const heading = fixHeading({ dataset: definition.name, input: args.input, out: args.out,
    convertedFrom: args.toUtf8 ? args.encoding : undefined, log: args.log?.path }, args.locale);
  // File and definition names are the user's: shown escaped, they cannot drive the terminal.
  io.stdout.write(`${plainText(heading)}\n${fixSummary(result, { locale: args.locale, left })}`);
  // What validate says of the input (another delimiter, a renamed column, a file cut short or joined from exports),
  // and that the copy keeps the records fix cannot mend: it changes cells, never drops or adds a record.
  _explain(result.before, io, true, null,
    { ...(definition.rename === undefined ? {} : { definition: definition.rename }), ...(args.rename === undefined ? {} : { flags: args.rename }) });
  for (const line of unevaluatedLines(result.before, result.after, args.locale)) io.stderr.write(`${line}\n`);
  if (unevaluated && (fixed !== undefined || log !== undefined)) {
    io.stderr.write(vi ? 'ddss: không tệp nào được ghi, vì lần chạy không đánh giá được\n' : 'ddss: nothing written, since the run could not be evaluated\n');
  }
  const kept = ['source.repeated_header', 'source.zero_filled_tail'].filter((id) => (result.before.rules.find((r) => r.id === id)?.failed ?? 0) > 0);
  if (kept.length > 0 && args.out !== undefined) {
    io.stderr.write(vi ? `ddss: ${args.out} giữ ${kept.length === 2 ? 'chúng' : kept[0] === 'source.zero_filled_tail' ? 'các byte 0' : 'các dòng đó'}` +
      ' như trong tệp đầu vào: ddss fix sửa các ô, không bao giờ sửa bản ghi\n'
      : `ddss: ${args.out} keeps ${kept.length === 2 ? 'them' : kept[0] === 'source.zero_filled_tail' ? 'the zero bytes' : 'those lines'}` +
      ' as the input has them: ddss fix changes cells, never records\n');
  }
  // The field and file names are the user's: shown escaped.
  for (const line of twiceNamedLines(result.before, args.out, args.locale)) io.stderr.write(`${plainText(line)}\n`);
  return EXIT_BY_STATUS[result.after.status];
}

/**
 * A field the header names twice is read, and so mended, from the first of its columns (`source.duplicate_header`);
 * the later one is copied as it is. The summary's "fixed N cells" said nothing of it: a user who asked for the whole
 * file fixed got one of the two columns fixed, silently.
 * @example twiceNamedLines(report, 'fixed.csv', 'en') // ['ddss: fixed.csv keeps the later owner_name column as the input has it: …']
 */
function twiceNamedLines(before: Report, out: string | undefined, locale: Locale): string[] {
  const twice = before.rules.find((r) => r.id === 'source.duplicate_header');
  if (twice === undefined || twice.failed === 0) return [];
  const fields = [...new Set(twice.samples.map((x) => x.field).filter((f): f is string => f !== undefined))];
  const copy = out ?? (locale === 'vi' ? 'bản sửa' : 'the fixed copy');
  return fields.map((field) => (locale === 'vi'
    ? `ddss: ${copy} giữ nguyên cột ${field} lặp lại phía sau như trong tệp đầu vào (source.duplicate_header): ddss fix chỉ đọc ` +
      `và sửa trường ${field} ở cột đầu tiên mang tên đó; hãy bỏ một cột, hoặc đọc cột kia dưới một tên riêng bằng --rename`
    : `ddss: ${copy} keeps the later ${field} column as the input has it (source.duplicate_header): ddss fix reads and ` +
      `mends ${field} in the first column of that name only; remove one of them, or read the other under a name of its own with --rename`));
}

/**
 * Why a run that could not be evaluated (exit 3) ended so, when no other line says it: `_explain` says a partial read
 * and a rule that threw, but nothing to evaluate (a header alone, a quote opened in the first record and never closed)
 * had no line, and the only trace of it was "error → error" in the table. The fixed file's own reason is said when it
 * is not the input's (a rule that throws on a fixed value).
 * @example unevaluatedLines(headerOnly, headerOnly) // ['ddss: nothing to evaluate: 0 data rows']
 */
function unevaluatedLines(before: Report, after: Report, locale: Locale): string[] {
  const unsaid = (r: Report): boolean => r.status === 'error' && !r.partial && r.error !== undefined &&
    !r.rules.some((rule) => rule.status === 'error');
  // The reports' `error` is in the run's language already.
  if (before.status === 'error') return unsaid(before) ? [`ddss: ${before.error ?? ''}`] : [];
  if (after.status !== 'error' || after.error === undefined) return [];
  return [`ddss: ${locale === 'vi' ? 'tệp đã sửa không đánh giá được' : 'the fixed file could not be evaluated'}: ${after.error}`];
}

/**
 * The fixed file's sink (opened by `openOutputSink`: a temporary file put in place only at the end, never over an
 * existing file): chunks written as they come, waiting for the disk when the stream is full, so memory stays bounded
 * whatever the size of the file. A failed write ends the run with `cannot write`, naming the file.
 */
function fixedFile(o: OutputPath, stream: Writable): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } {
  let failure: unknown;
  stream.on('error', (e: unknown) => { failure ??= e; });
  return {
    async write(chunk) {
      if (failure !== undefined) throw cannotWrite(o, failure);
      // `once` also ends the wait on an error (kept in `failure` by the listener above) and leaves no listener behind.
      if (!stream.write(chunk)) await once(stream, 'drain').catch(() => undefined);
    },
    async close() {
      // A stream that failed (a full disk) has closed itself already: waiting for its 'close' would wait forever, and
      // with nothing else pending Node would end the process with exit code 0, no message and the temporary file left.
      if (!stream.closed) {
        const done = once(stream, 'close').catch((e: unknown) => { failure ??= e; });
        if (!stream.writableEnded) stream.end();
        await done;
      }
      if (failure !== undefined) throw failure;
    },
  };
}
