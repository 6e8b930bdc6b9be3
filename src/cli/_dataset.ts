import { stat } from 'node:fs/promises';
import { cliPath } from './_cli-path.js';
import { extname } from 'node:path';
import type { DatasetDefinition } from '../core/types.js';
import { DefinitionError } from '../declarative/definition-error.js';
import { DEFINITION_EXTENSIONS, loadDefinitionReading, splitDefinitionSpec } from '../declarative/load-definition.js';
import type { DefinitionRead } from '../declarative/parse-definition.js';
import * as ddss from '../index.js';
import * as vn from '../../rules/vn/index.js';
import * as datasets from '../../rules/datasets/index.js';
import { builtins } from './_builtins.js';
import { usage } from './_errors.js';

const EXTENSIONS: readonly string[] = [...DEFINITION_EXTENSIONS.code, ...DEFINITION_EXTENSIONS.data];

/**
 * The file a `--dataset` spec names, as a file the run reads (outputs must not write over it); none for a built-in.
 * @example definitionFile('parcels.yaml', '/data') // [{ what: 'the definition file', path: '/data/parcels.yaml' }]
 */
export function definitionFile(spec: string | undefined, cwd: string): { what: string; path: string }[] {
  if (spec === undefined || builtins().has(spec)) return [];
  return [{ what: 'the definition file', path: cliPath(cwd, splitDefinitionSpec(spec).path) }];
}

/** How a file a definition's loading read is named in the refusal of an output over it. */
const READ_AS: Readonly<Record<DefinitionRead['what'], string>> = {
  definition: 'the definition file',
  extends: 'a base of the definition (extends)',
  communes: 'a commune list of the definition (communes)',
};

/**
 * The definition named by `--dataset`: a built-in name, or a definition file. Every problem is a usage error
 * (exit 2) with one line naming the file and, for declarative files, the JSON path. A file's definition that names
 * no `module` gets the file as its module: worker threads load the definition again from it (built-ins name theirs).
 * Each file the loading read (the file, its `extends` bases, its `communes` lists) is appended to `read`, in the form
 * `checkOutputs` takes, so that the caller refuses outputs over them (`refuseReadFiles`).
 */
export async function resolveDataset(spec: string, cwd: string,
  read: { what: string; path: string }[] = []): Promise<DatasetDefinition> {
  const builtin = builtins().get(spec);
  if (builtin !== undefined) return builtin;
  const { path } = splitDefinitionSpec(spec);
  if (!EXTENSIONS.includes(extname(path).toLowerCase())) {
    const names = [...builtins().keys()];
    throw usage(`unknown dataset "${spec}": not a built-in (${names.length === 0 ? 'none yet' : names.join(', ')}) ` +
      'nor a .ts, .js, .json or .yaml definition file',
    `không có tập dữ liệu "${spec}": không phải tập dữ liệu có sẵn (${names.length === 0 ? 'chưa có' : names.join(', ')}) ` +
      'cũng không phải tệp định nghĩa .ts, .js, .json hay .yaml');
  }
  const found = await stat(cliPath(cwd, path)).then((s) => s.isFile(), () => false);
  if (!found) throw usage(`dataset definition file not found: "${path}"`, `không tìm thấy tệp định nghĩa tập dữ liệu: "${path}"`);
  try {
    // Definitions import the CLI's own ddss: one copy of the engine, and nothing for jiti to compile but the file.
    const files: DefinitionRead[] = [];
    const loaded = await loadDefinitionReading(spec, { cwd, modules: { ddss, 'ddss/vn': vn, 'ddss/datasets': datasets } }, files);
    read.push(...files.map((f) => ({ what: READ_AS[f.what], path: f.path })));
    return loaded.module !== undefined ? loaded : { ...loaded, module: cliPath(cwd, path) };
  } catch (e) {
    if (e instanceof DefinitionError) throw usage(`bad dataset definition ${e.message}`);
    throw e;
  }
}
