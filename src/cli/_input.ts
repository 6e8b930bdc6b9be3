import { basename } from 'node:path';
import type { TabularSource } from '../core/source.js';
import { encodingName } from '../sources/decode/decoder.js';
import { readCsv } from '../sources/csv/read-csv.js';
import { readJson } from '../sources/json/read-json.js';
import { readXlsx } from '../sources/xlsx/read-xlsx.js';
import { usage } from './_errors.js';
import type { InputFormat } from './_validate-args.js';

const ENCODINGS = 'utf8, utf16le, utf16be, windows-1258, tcvn3, vni';

/** The canonical name of `--encoding`, or a usage error listing those ddss reads. */
export function checkEncoding(name: string): string {
  const e = encodingName(name.trim());
  if (e === undefined) throw usage(`--encoding "${name}" is not supported; use one of ${ENCODINGS}`);
  return e;
}

export interface InputOptions {
  readonly format: InputFormat;
  readonly encoding: string | undefined;
  readonly delimiter: string | undefined;
  /** The workbook sheet, for xlsx input. */
  readonly sheet?: string | undefined;
}

/**
 * The source for an input file. Nothing is opened until the engine reads it, so a missing or unreadable file
 * becomes a partial report (status `error`, exit 3) like any other read failure, not an exception here.
 */
export function openInput(path: string, given: string, o: InputOptions): TabularSource {
  const name = basename(given);
  try {
    if (o.format === 'xlsx') return readXlsx(path, { name, ...(o.sheet === undefined ? {} : { sheet: o.sheet }) });
    if (o.format === 'json' || o.format === 'ndjson') return readJson(path, { format: o.format, name });
    return readCsv(path, {
      name,
      ...(o.encoding === undefined ? {} : { encoding: o.encoding }),
      ...(o.delimiter === undefined ? {} : { delimiter: o.delimiter }),
    });
  } catch (e) {
    // Options are checked before this point; anything thrown here is still a reason the input cannot be read.
    return _failing(name, o.format, e);
  }
}

function _failing(name: string, kind: string, error: unknown): TabularSource {
  return {
    kind,
    info: () => ({ kind, name }),
    // eslint-disable-next-line require-yield -- a source that fails on first read
    async *batches() {
      throw error instanceof Error ? error : new Error(String(error));
    },
  };
}
