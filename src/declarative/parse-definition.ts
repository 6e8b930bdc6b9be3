import type { DatasetDefinition } from '../core/types.js';
import { DefinitionError } from './definition-error.js';
import { buildDefinition } from './build-definition.js';
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
}

/**
 * Parses a declarative definition from JSON or YAML text and builds it (see `buildDefinition`). YAML is read with
 * the core schema (no custom tags), unique keys, no merge keys and a cap on alias expansion, and any text is capped
 * at `MAX_DEFINITION_BYTES`, so a hostile file cannot run code, exhaust memory or stall the parser. Every problem is
 * a `DefinitionError` with the file and the JSON path.
 * @example parseDefinition('name: parcels\nfields:\n  parcel_id: { type: text, required: true }', { format: 'yaml' })
 */
export function parseDefinition(text: string, options: ParseDefinitionOptions): DatasetDefinition {
  const { file } = options;
  try {
    if (Buffer.byteLength(text) > MAX_DEFINITION_BYTES) {
      throw new DefinitionError(TOO_LARGE);
    }
    return buildDefinition(options.format === 'json' ? _json(text) : readYaml(text));
  } catch (e) {
    if (!(e instanceof DefinitionError)) throw e;
    throw file === undefined ? e : e.inFile(file);
  }
}

function _json(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new DefinitionError(`invalid JSON: ${(e as Error).message}`);
  }
}
