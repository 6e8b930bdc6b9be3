import { extname } from 'node:path';
import { FIX_KINDS, type FixKind, type Locale } from '../core/types.js';
import { tableFormat } from './_table-format.js';
import { zoneFlag } from './_zone-flag.js';
import { choice, delimiter, instant, namedKind, parse, viKind, wallClock, whole } from './_args.js';
import { defaultWorkers } from '../validate.js';
import { CLI_MIN_BYTES_PER_WORKER } from './_validate-args.js';
import { isStdin } from './_stdin.js';
import { checkEncoding } from './_input.js';
import { usage } from './_errors.js';
import { renameMap, type Rename } from './_rename.js';
import { REFERENCE_FLAGS, referenceArgs, type ReferenceArgs } from './_references.js';

/** The flags of `ddss fix`, checked and typed. Paths are as given (resolved by the command). */
export interface FixArgs extends ReferenceArgs {
  readonly help: boolean;
  readonly input: string;
  readonly dataset: string;
  /** The fixed file; undefined only with `--dry-run`. */
  readonly out: string | undefined;
  readonly log: { readonly path: string; readonly format: 'csv' | 'ndjson' } | undefined;
  readonly only: readonly FixKind[];
  readonly dryRun: boolean;
  readonly delimiter: string;
  /** `--rename FROM=TO` (repeatable): header columns read as the definition's fields; the fixed file keeps the header. */
  readonly rename: Rename | undefined;
  /** The input's encoding (checked; `utf8` unless `--encoding`), and `--to-utf8` (required for any other). */
  readonly encoding: string;
  readonly toUtf8: boolean;
  readonly now: Date | undefined;
  /** `--now` is a date-time without an offset: `now` holds its wall-clock fields as UTC (see `runNow`). */
  readonly nowWall: boolean;
  readonly timeZone: string | undefined;
  readonly piiKey: string | undefined;
  readonly locale: Locale;
  readonly showValues: boolean;
  /** Start a CSV change log with a UTF-8 BOM (default; `--no-bom` omits it). */
  readonly bom: boolean;
  /** `--workers N` for validating the input (default: one per core, as `validate`). */
  readonly workers: number;
  /** Without `--workers`: the input each worker needs at least, as for `validate` (a small file is read by one). */
  readonly minBytesPerWorker: number | undefined;
}

const CSV_EXTENSIONS: Readonly<Record<string, string>> = { '.csv': ',', '.txt': ',', '.tsv': '\t', '.tab': '\t' };

/**
 * Parses and checks the arguments of `ddss fix`; every mistake is a usage error (exit 2) naming the flag.
 * @example fixArgs(['parcels.csv', '-d', 'land-parcels', '--out', 'fixed.csv', '--only', 'nfc,whitespace']).only // ['nfc', 'whitespace']
 */
export function fixArgs(argv: readonly string[]): FixArgs {
  const { values: v, positionals } = parse(argv, {
    dataset: { type: 'string', short: 'd' },
    out: { type: 'string', short: 'o' },
    log: { type: 'string' },
    only: { type: 'string' },
    'dry-run': { type: 'boolean' },
    encoding: { type: 'string' },
    'to-utf8': { type: 'boolean' },
    delimiter: { type: 'string' },
    rename: { type: 'string', multiple: true },
    now: { type: 'string' },
    'time-zone': { type: 'string' },
    'pii-key': { type: 'string' },
    locale: { type: 'string' },
    'show-values': { type: 'boolean' },
    'no-bom': { type: 'boolean' },
    workers: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    ...REFERENCE_FLAGS,
  });
  if (v.help === true) return { ...EMPTY, help: true };
  if (positionals.length !== 1) throw usage(`fix takes one <input> CSV file, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}`,
    `fix nhận một tệp CSV <input>, nhận được ${positionals.length === 0 ? 'không tệp nào' : positionals.join(' ')}`);
  const input = positionals[0] as string;
  if (v.dataset === undefined || v.dataset === '') throw usage('fix needs --dataset <builtin|file.ts|file.json|file.yaml> (see ddss datasets)',
    'fix cần --dataset <builtin|file.ts|file.json|file.yaml> (xem ddss datasets)');
  // Standard input is refused where fix runs (it reads its input several times), with the reason.
  const byExtension = isStdin(input) ? ',' : CSV_EXTENSIONS[extname(input).toLowerCase()];
  if (byExtension === undefined) {
    throw usage(`fix rewrites CSV files (.csv, .tsv, .txt) only; "${input}" is not one (JSON, NDJSON and .xlsx inputs cannot be fixed yet)`,
      `fix chỉ viết lại tệp CSV (.csv, .tsv, .txt); "${input}" không phải tệp như vậy (chưa sửa được đầu vào JSON, NDJSON và .xlsx)`);
  }
  const encoding = v.encoding === undefined ? 'utf8' : checkEncoding(v.encoding);
  const toUtf8 = v['to-utf8'] === true;
  if (encoding !== 'utf8' && !toUtf8) {
    throw usage(`fix writes UTF-8 files only: add --to-utf8 to write this ${encoding} file as UTF-8 (every record converted)`,
      `fix chỉ ghi tệp UTF-8: hãy thêm --to-utf8 để ghi tệp ${encoding} này thành UTF-8 (mọi bản ghi được chuyển đổi)`);
  }
  if (encoding === 'utf8' && toUtf8) throw usage('--to-utf8 converts a legacy-encoded file: declare its --encoding (tcvn3, vni, windows-1258, utf16le)',
    '--to-utf8 chuyển đổi một tệp mã hóa cũ: hãy khai báo --encoding của nó (tcvn3, vni, windows-1258, utf16le)');
  const dryRun = v['dry-run'] === true;
  if (dryRun && v.out !== undefined) throw usage('--dry-run writes no fixed file: drop --out (the change log goes to --log)',
    '--dry-run không ghi tệp đã sửa: hãy bỏ --out (nhật ký thay đổi ghi vào --log)');
  if (!dryRun && (v.out === undefined || v.out === '')) throw usage('fix needs --out <fixed.csv> (or --dry-run to write only the log)',
    'fix cần --out <fixed.csv> (hoặc --dry-run để chỉ ghi nhật ký)');
  // The fixed file is the input's CSV: under a .json or .xlsx name the next tool would open it as one.
  const kind = v.out === undefined ? undefined : namedKind(v.out);
  if (kind !== undefined) throw usage(`--out "${v.out}" is named as ${kind} file, but fix writes a CSV copy of its input: name it .csv`,
    `--out "${v.out}" được đặt tên như tệp ${viKind(kind)}, nhưng fix ghi một bản sao CSV của đầu vào: hãy đặt đuôi .csv`);
  if (v.log === '') throw usage('--log needs a file name', '--log cần một tên tệp');
  return {
    help: false,
    input,
    dataset: v.dataset,
    out: v.out,
    log: v.log === undefined ? undefined : { path: v.log, format: tableFormat('log', v.log) },
    only: kinds(v.only),
    dryRun,
    delimiter: delimiter(v.delimiter) ?? byExtension,
    rename: renameMap('csv', v.rename),
    encoding,
    toUtf8,
    now: instant('now', v.now),
    nowWall: wallClock(v.now),
    timeZone: zoneFlag(v['time-zone']),
    piiKey: v['pii-key'],
    locale: choice('locale', v.locale, ['en', 'vi'] as const, 'en'),
    showValues: v['show-values'] === true,
    bom: v['no-bom'] !== true,
    workers: whole('workers', v.workers, 1, 256) ?? defaultWorkers(),
    minBytesPerWorker: v.workers === undefined ? CLI_MIN_BYTES_PER_WORKER : undefined,
    ...referenceArgs(v),
  };
}

const EMPTY: FixArgs = {
  help: false, input: '', dataset: '', out: undefined, log: undefined, only: FIX_KINDS, dryRun: false, delimiter: ',', rename: undefined, encoding: 'utf8', toUtf8: false,
  now: undefined, nowWall: false, timeZone: undefined, piiKey: undefined, locale: 'en', showValues: false, bom: true,
  workers: 1, minBytesPerWorker: undefined, references: [], referenceEncoding: undefined, referenceDelimiter: undefined, referenceJsonRecords: undefined,
};

/** `--only nfc,whitespace`: known kinds, each once. */
function kinds(value: string | undefined): readonly FixKind[] {
  if (value === undefined) return FIX_KINDS;
  const names = value.split(',').map((k) => k.trim()).filter((k) => k !== '');
  if (names.length === 0) throw usage(`--only needs kinds of fix: ${FIX_KINDS.join(', ')}`, `--only cần các loại sửa: ${FIX_KINDS.join(', ')}`);
  const bad = names.find((k) => !(FIX_KINDS as readonly string[]).includes(k));
  if (bad !== undefined) throw usage(`--only: unknown kind of fix "${bad}"; kinds: ${FIX_KINDS.join(', ')}`,
    `--only: không có loại sửa "${bad}"; các loại: ${FIX_KINDS.join(', ')}`);
  return [...new Set(names as FixKind[])];
}
