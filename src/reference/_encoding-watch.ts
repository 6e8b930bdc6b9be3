import type { SourceIssue } from '../core/source.js';

/** What a reference's source said about its text, and the refusal it makes of a table read in the wrong encoding. */
export interface EncodingWatch {
  /** Give it every issue the source reports (`openSide`'s watch). */
  issue(issue: SourceIssue): void;
  /** Why the table cannot be used, when the file as a whole is not in the encoding it was read with. */
  mismatch(): string | undefined;
  /** Why the table cannot be used, when cells of the columns it keeps hold bytes not in that encoding. */
  invalid(used: readonly string[]): string | undefined;
  /** What to add to "has no column …" when the header itself holds such bytes (a legacy header reads as U+FFFD). */
  headerHint(): string;
}

/**
 * Watches reference `name` for text that is not in the encoding it is read with. Its keys and names would be
 * replacement characters (or UTF-16 read byte by byte), so every lookup against them would be a false finding:
 * the reference is refused with the encoding to declare, as `ddss validate` hints `--encoding` for its input.
 * Encodings are declared, never guessed: the hint names the flag, it switches nothing. `csv`: a CSV source, whose
 * encoding `--reference-encoding` declares (JSON is read as UTF-8 only).
 * @example const w = encodingWatch('population', true); openSide(source, w); …; w.mismatch() ?? w.invalid(['id'])
 */
export function encodingWatch(name: string, csv: boolean): EncodingWatch {
  let mismatch: SourceIssue | undefined;
  let header = false;
  let encoding = 'utf8';
  // By column: cells holding invalid bytes (sources report one issue per cell), and the line of the first.
  const cells = new Map<string, number>();
  const first = new Map<string, number | undefined>();
  return {
    issue(i) {
      if (i.code === 'encoding_mismatch') mismatch ??= i;
      if (i.code !== 'invalid_encoding' && i.code !== 'header_invalid_encoding') return;
      const enc = i.params?.encoding;
      if (typeof enc === 'string') encoding = enc;
      if (i.code === 'header_invalid_encoding') header = true;
      else if (i.field !== undefined) {
        if (!first.has(i.field)) first.set(i.field, i.line);
        cells.set(i.field, (cells.get(i.field) ?? 0) + 1);
      }
    },
    mismatch() {
      if (mismatch === undefined) return undefined;
      const p = mismatch.params ?? {};
      const evidence = (p.evidence as { en?: string } | undefined)?.en ?? '';
      return `reference '${name}' looks like ${String(p.likely)}, not ${String(p.declared)} as it was read: ${evidence}` +
        // `--reference-encoding` declares a CSV file's encoding only: JSON is UTF-8, so it is converted.
        (!csv ? `; ${advice('utf8', false)}` : mismatch.suggestion === undefined ? '' : `; declare its encoding (--reference-encoding ${mismatch.suggestion})`);
    },
    invalid(used) {
      const bad = used.filter((c) => cells.has(c));
      if (bad.length === 0) return undefined;
      const n = bad.reduce((sum, c) => sum + (cells.get(c) ?? 0), 0);
      const line = bad.map((c) => first.get(c)).filter((l): l is number => l !== undefined).sort((a, b) => a - b)[0];
      return `reference '${name}' holds ${n} cell(s) with bytes that are not ${named(encoding)} in ` +
        `${bad.map((c) => `'${c}'`).join(', ')}${line === undefined ? '' : ` (the first at line ${line})`}, which would compare ` +
        `as replacement characters; ${advice(encoding, csv)}`;
    },
    headerHint() {
      return header ? `; its header holds bytes that are not ${named(encoding)}: ${advice(encoding, csv)}` : '';
    },
  };
}

function named(encoding: string): string {
  return encoding === 'utf8' || encoding === 'utf-8' ? 'UTF-8' : encoding;
}

function advice(encoding: string, csv: boolean): string {
  if (!csv) return 'JSON is read as UTF-8: convert the file to UTF-8';
  return encoding === 'utf8' ? 'if it comes from a legacy system, declare its encoding (--reference-encoding tcvn3, vni or windows-1258)'
    : 'check the encoding it is read with (--reference-encoding)';
}
