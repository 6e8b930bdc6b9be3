import { extname } from 'node:path';
import { cliPath } from './_cli-path.js';
import { delimiter as delimiterArg, jsonRecords } from './_args.js';
import { usage, type CliError } from './_errors.js';
import { checkEncoding, openInput } from './_input.js';
import { reference, type Reference } from '../reference/reference.js';
import { referenceSpecs, type ReferenceSpec } from '../reference/bind-references.js';
import type { DatasetDefinition } from '../core/types.js';
import type { InputFormat } from './_validate-args.js';

/** `--reference NAME=FILE` (repeatable) with the flags that say how to read the files. */
export interface ReferenceArgs {
  readonly references: readonly { readonly name: string; readonly path: string }[];
  readonly referenceEncoding: string | undefined;
  readonly referenceDelimiter: string | undefined;
  /** `--reference-json-records P`: where the records are inside each `.json` reference (`data`, `/result/items`). */
  readonly referenceJsonRecords: string | undefined;
}

/** The `--reference` files, as files the run reads (outputs must not write over them). */
export function referenceFiles(args: ReferenceArgs, cwd: string): { what: string; path: string }[] {
  return args.references.map((r) => ({ what: `the --reference ${r.name} file`, path: cliPath(cwd, r.path) }));
}

/** The `parseArgs` options of the reference flags. */
export const REFERENCE_FLAGS = {
  reference: { type: 'string', multiple: true },
  'reference-encoding': { type: 'string' },
  'reference-delimiter': { type: 'string' },
  'reference-json-records': { type: 'string' },
} as const;

const FORMATS: Readonly<Record<string, InputFormat>> = {
  '.csv': 'csv', '.txt': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson',
};

/**
 * Checks the reference flags; every mistake is a usage error naming the flag.
 * @example referenceArgs({ reference: ['communes=communes.csv'] }).references // [{ name: 'communes', path: 'communes.csv' }]
 */
export function referenceArgs(v: { reference?: string[]; 'reference-encoding'?: string; 'reference-delimiter'?: string;
  'reference-json-records'?: string; }): ReferenceArgs {
  const references: { name: string; path: string }[] = [];
  for (const given of v.reference ?? []) {
    const eq = given.indexOf('=');
    const name = eq < 0 ? '' : given.slice(0, eq).trim();
    const path = eq < 0 ? '' : given.slice(eq + 1);
    if (name === '' || path === '') throw usage(`--reference needs NAME=FILE, got "${given}"`, `--reference cần TÊN=TỆP, nhận được "${given}"`);
    if (references.some((r) => r.name === name)) throw usage(`--reference ${name} is given twice`, `--reference ${name} được nêu hai lần`);
    if (FORMATS[extname(path).toLowerCase()] === undefined) {
      throw usage(`--reference ${name}: cannot tell the format of "${path}" from its extension (.csv, .tsv, .json, .ndjson)`,
        `--reference ${name}: không biết định dạng của "${path}" từ phần mở rộng của tên tệp (.csv, .tsv, .json, .ndjson)`);
    }
    references.push({ name, path });
  }
  const encoding = v['reference-encoding'];
  if (encoding !== undefined && encoding.trim() === '') throw usage('--reference-encoding needs a value', '--reference-encoding cần một giá trị');
  let referenceEncoding: string | undefined;
  try {
    referenceEncoding = encoding === undefined ? undefined : checkEncoding(encoding);
  } catch (e) {
    throw usage((e as Error).message.replace(/^--encoding/, '--reference-encoding'), (e as CliError).vi?.replace(/^--encoding/, '--reference-encoding'));
  }
  // As --json-records for the input: JSON documents only, and said when no reference is one (it would read nothing).
  const records = v['reference-json-records'];
  if (records !== undefined && !references.some((r) => FORMATS[extname(r.path).toLowerCase()] === 'json')) {
    throw usage('--reference-json-records reads the records inside JSON documents: give a --reference NAME=FILE.json ' +
      '(an NDJSON reference has one record per line)',
    '--reference-json-records đọc các bản ghi bên trong văn bản JSON: hãy nêu một --reference TÊN=TỆP.json ' +
      '(tham chiếu NDJSON có một bản ghi mỗi dòng)');
  }
  return {
    references,
    referenceEncoding,
    referenceDelimiter: delimiterArg(v['reference-delimiter']),
    referenceJsonRecords: jsonRecords('json', records, 'reference-json-records'),
  };
}

/**
 * The references to validate with: each `--reference` file opened lazily (read once, before the rows stream), keyed
 * by the columns the definition's rules look it up by, keeping the columns they read (`referenceSpecs`). A name no
 * rule uses is a usage error (a typo would otherwise leave a rule unchecked); a name a `foreignKey` rule uses but no
 * flag gives makes that rule `error` (exit 3), a `verifyPerson` rule `skipped`.
 */
export function openReferences(args: ReferenceArgs, definition: DatasetDefinition, cwd: string): Record<string, Reference> {
  let keys: Map<string, ReferenceSpec>;
  try {
    keys = referenceSpecs(definition);
  } catch (e) {
    throw usage(`dataset "${definition.name}": ${(e as Error).message}`);
  }
  const out: Record<string, Reference> = {};
  for (const { name, path } of args.references) {
    const spec = keys.get(name);
    if (spec === undefined) {
      const named = [...keys.keys()];
      throw usage(`--reference ${name}: dataset "${definition.name}" uses ${named.length === 0 ? 'no reference' : `the reference${named.length === 1 ? '' : 's'} ${named.join(', ')}`}`);
    }
    const format = FORMATS[extname(path).toLowerCase()] as InputFormat;
    const csv = format === 'csv' || format === 'tsv';
    const source = openInput(cliPath(cwd, path), path, {
      format,
      encoding: csv ? args.referenceEncoding : undefined,
      delimiter: csv ? args.referenceDelimiter ?? (format === 'tsv' ? '\t' : undefined) : undefined,
      jsonRecords: format === 'json' ? args.referenceJsonRecords : undefined,
    });
    out[name] = reference(name, source, { key: spec.key, columns: spec.columns, optionalColumns: spec.optionalColumns });
  }
  return out;
}
