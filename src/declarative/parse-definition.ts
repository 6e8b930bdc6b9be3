import { parseDocument } from 'yaml';
import type { DatasetDefinition } from '../core/types.js';
import { DefinitionError } from './definition-error.js';
import { buildDefinition } from './build-definition.js';

/** Largest definition text accepted (reference lists included); larger files are refused, not read. */
export const MAX_DEFINITION_BYTES = 16 * 1024 * 1024;
// yaml's own guard against alias expansion (billion laughs); a real definition rarely needs any alias.
const MAX_ALIAS_COUNT = 100;

export interface ParseDefinitionOptions {
  readonly format: 'json' | 'yaml';
  /** The file name, for messages. */
  readonly file?: string;
}

/**
 * Parses a declarative definition from JSON or YAML text and builds it (see `buildDefinition`). YAML is read with
 * the core schema (no custom tags), unique keys and a cap on alias expansion, so a hostile file cannot run code or
 * exhaust memory. Every problem is a `DefinitionError` with the file and the JSON path.
 * @example parseDefinition('name: parcels\nfields:\n  parcel_id: { type: text, required: true }', { format: 'yaml' })
 */
export function parseDefinition(text: string, options: ParseDefinitionOptions): DatasetDefinition {
  const { file } = options;
  try {
    if (Buffer.byteLength(text) > MAX_DEFINITION_BYTES) {
      throw new DefinitionError(`larger than ${MAX_DEFINITION_BYTES / 1024 / 1024} MB`);
    }
    return buildDefinition(options.format === 'json' ? _json(text) : _yaml(text));
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

function _yaml(text: string): unknown {
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, merge: false, prettyErrors: true });
  // Warnings too (an unresolved tag such as !!js/function): a definition that YAML only half understood is refused.
  const first = doc.errors[0] ?? doc.warnings[0];
  if (first !== undefined) throw new DefinitionError(`invalid YAML: ${_firstLine(first.message)}`);
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const msg = (e as Error).message;
    throw new DefinitionError(/alias/i.test(msg)
      ? 'YAML aliases expand too much (refused as a possible billion-laughs attack)'
      : `invalid YAML: ${_firstLine(msg)}`);
  }
}

function _firstLine(msg: string): string {
  return (msg.split('\n')[0] ?? msg).replace(/:$/, '');
}
