import type { DatasetDefinition } from '../core/types.js';
import { argKind, shownArg } from '../core/arg-kind.js';
import { checkOptionKeys } from '../core/option-keys.js';
import { DefinitionError } from './definition-error.js';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { buildDefinition, type DefinitionResolver } from './build-definition.js';
import type { DefinitionPath } from './definition-error.js';
import { parseAdminUnits } from '../../rules/vn/admin/parse-admin-units.js';
import { strictUtf8 } from '../sources/decode/strict-utf8.js';
import type { CommuneTable } from '../../rules/vn/admin/parse-admin-units.js';
import { readJson } from './_json.js';
import { readYaml } from './_yaml.js';

/**
 * Largest definition text accepted (reference lists included): larger files are refused before they are read or
 * parsed, so parsing time stays bounded.
 */
export const MAX_DEFINITION_BYTES = 1024 * 1024;
/** The usage error for a definition over `MAX_DEFINITION_BYTES`. */
export const TOO_LARGE = `larger than ${MAX_DEFINITION_BYTES / 1024 / 1024} MB, the most a definition file may hold`;

export interface ParseDefinitionOptions {
  readonly format: 'json' | 'yaml';
  /** The file name, for messages. */
  readonly file?: string;
  /**
   * The directory the text's `extends` and `communes` paths are relative to (the file's own). Without it, a file
   * path there is refused; built-in bases (`extends: land-parcels`) need none.
   */
  readonly baseDir?: string;
  /** The absolute path the text was read from, so that a file extending itself (through others) is a cycle. */
  readonly path?: string;
}

/**
 * A file that building a definition read, and as what. The CLI must not write an output over any of them: `--out
 * base.yaml --force` replaced the base of the definition it ran with the report.
 */
export interface DefinitionRead {
  readonly what: 'definition' | 'extends' | 'communes';
  /** Absolute, as it was opened (links unresolved: the caller compares files by identity). */
  readonly path: string;
}

/** Most definition files one `extends` chain may read: a chain is for layering a few files, not for hundreds. */
export const MAX_EXTENDS_DEPTH = 8;
/** Largest commune list file `communes:` reads (the national list is a few hundred kB). */
const MAX_COMMUNES_BYTES = 32 * 1024 * 1024;

/**
 * Parses a declarative definition from JSON or YAML text and builds it (see `buildDefinition`). YAML is read with
 * the core schema (no custom tags), unique keys, no merge keys and a cap on alias expansion; JSON with unique keys
 * too (`JSON.parse` would keep the last of two silently). Any text is capped at `MAX_DEFINITION_BYTES`, so a hostile
 * file cannot run code, exhaust memory or stall the parser. Every problem is a `DefinitionError` with the file and
 * the JSON path. `extends` and `communes` files are read relative to `options.baseDir` (and each base file under the
 * same limits); a chain that comes back to a file is refused.
 * @example parseDefinition('name: parcels\nfields:\n  parcel_id: { type: text, required: true }', { format: 'yaml' })
 */
export function parseDefinition(text: string, options: ParseDefinitionOptions): DatasetDefinition {
  checkParseArgs(text, options);
  return parseDefinitionReading(text, options, []);
}

// Every option, as a record so that adding one to `ParseDefinitionOptions` without listing it here is a type error.
const OPTION_KEYS = Object.keys({ format: true, file: true, baseDir: true, path: true } satisfies Record<keyof ParseDefinitionOptions, true>);

/*
 * From JavaScript anything arrives: `parseDefinition(text)` failed as "Cannot read properties of undefined (reading
 * 'path')", naming neither the function nor the option it needs; a format other than the two was read as YAML.
 */
function checkParseArgs(text: unknown, options: unknown): void {
  const usage = "parseDefinition(text, { format: 'yaml' | 'json', file?, baseDir?, path? })";
  if (typeof text !== 'string') throw new TypeError(`ddss: ${usage}: the text must be a string, got ${argKind(text)}`);
  if (options === undefined) throw new TypeError(`ddss: ${usage}: the options are required, and their format (the text is YAML or JSON)`);
  checkOptionKeys(options as object, OPTION_KEYS, 'parseDefinition');
  const { format } = options as { format?: unknown };
  if (format !== 'yaml' && format !== 'json') {
    throw new TypeError(`ddss: ${usage}: format must be 'yaml' or 'json', got ${shownArg(format)}`);
  }
  for (const key of ['file', 'baseDir', 'path'] as const) {
    const v = (options as Record<string, unknown>)[key];
    if (v !== undefined && typeof v !== 'string') throw new TypeError(`ddss: ${usage}: ${key} must be a string, got ${argKind(v)}`);
  }
}

/**
 * `parseDefinition`, also appending to `read` each file it reads (`extends` bases at any depth, `communes` lists),
 * even when it then fails. Internal (not exported by the package): the CLI's list of files its outputs must spare.
 * @example const read: DefinitionRead[] = []; parseDefinitionReading(text, { format: 'yaml', baseDir }, read);
 */
export function parseDefinitionReading(text: string, options: ParseDefinitionOptions, read: DefinitionRead[]): DatasetDefinition {
  return _parse(text, options, options.path === undefined ? [] : [options.path], undefined, read);
}

function _parse(text: string, options: ParseDefinitionOptions, chain: readonly string[],
  communes: readonly CommuneTable[] | undefined, read: DefinitionRead[]): DatasetDefinition {
  const { file } = options;
  try {
    if (Buffer.byteLength(text) > MAX_DEFINITION_BYTES) {
      throw new DefinitionError(TOO_LARGE);
    }
    return buildDefinition(options.format === 'json' ? readJson(text) : readYaml(text), _resolver(options.baseDir, chain, read), communes);
  } catch (e) {
    if (!(e instanceof DefinitionError)) throw e;
    // An error in a base file already names that file.
    throw file === undefined || e.file !== undefined ? e : e.inFile(file);
  }
}

/** Reads `extends` and `communes` files relative to `baseDir`, synchronously (a definition is built in one go). */
function _resolver(baseDir: string | undefined, chain: readonly string[], read: DefinitionRead[]): DefinitionResolver {
  if (baseDir === undefined) return {};
  return {
    definition: (ref, communes) => {
      const abs = resolve(baseDir, ref);
      if (chain.length > MAX_EXTENDS_DEPTH) throw new DefinitionError(`extends goes deeper than ${MAX_EXTENDS_DEPTH} files`, ['extends']);
      if (chain.includes(abs)) {
        throw new DefinitionError(`extends forms a cycle: ${[...chain, abs].map((p) => basename(p)).join(' → ')}`, ['extends']);
      }
      read.push({ what: 'extends', path: abs });
      const text = _readCapped(abs, MAX_DEFINITION_BYTES, ['extends']);
      return _parse(text, { format: /\.json$/i.test(abs) ? 'json' : 'yaml', file: ref, baseDir: dirname(abs) }, [...chain, abs], communes, read);
    },
    communes: (files) => files.map((f, i) => {
      const at = files.length === 1 ? ['communes'] : ['communes', i];
      const abs = resolve(baseDir, f);
      read.push({ what: 'communes', path: abs });
      const text = _readCapped(abs, MAX_COMMUNES_BYTES, at);
      try {
        return parseAdminUnits(text, /\.json$/i.test(f) ? { format: 'json' } : {});
      } catch (e) {
        throw new DefinitionError(`${f}: ${(e as Error).message.replace(/^ddss: /, '')}`, at);
      }
    }),
  };
}

function _readCapped(abs: string, cap: number, at: DefinitionPath): string {
  let size: number;
  try {
    const st = statSync(abs);
    if (!st.isFile()) throw new DefinitionError(`${basename(abs)} is not a file`, at);
    size = st.size;
  } catch (e) {
    if (e instanceof DefinitionError) throw e;
    throw new DefinitionError(`${basename(abs)}: file not found`, at);
  }
  if (size > cap) throw new DefinitionError(`${basename(abs)} is larger than ${cap / 1024 / 1024} MB`, at);
  // Strictly: read leniently, a commune list in TCVN3 loaded with names full of U+FFFD, and a definition's Vietnamese
  // messages or values the same, without a word.
  const text = strictUtf8(readFileSync(abs), basename(abs));
  if (text instanceof Error) throw new DefinitionError(`${text.message}: convert it to UTF-8`, at);
  return text;
}
