/** A path into a definition file: property names and array indexes. */
export type DefinitionPath = readonly (string | number)[];

/**
 * A definition that cannot be used, with the JSON path of the problem (`fields.area_m2.min`) and the file it came
 * from. The message is one line, safe to show to users: `parcels.yaml: fields.area_m2.min: must be number`.
 * @example
 * try { await loadDefinition('parcels.yaml'); } catch (e) { if (e instanceof DefinitionError) console.error(e.message); }
 */
export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
  /** The JSON path of the problem, `''` when it concerns the whole file. */
  readonly path: string;
  /** The same path as segments. */
  readonly segments: DefinitionPath;
  readonly file: string | undefined;
  /** The problem alone, without file and path. */
  readonly detail: string;

  constructor(detail: string, path: DefinitionPath = [], file?: string) {
    const where = formatPath(path);
    super([file, where, detail].filter((s) => s !== undefined && s !== '').join(': '));
    this.path = where;
    this.segments = path;
    this.file = file;
    this.detail = detail;
  }

  /** The same error, attributed to a file. */
  inFile(file: string): DefinitionError {
    return new DefinitionError(this.detail, this.segments, file);
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `['fields', 'area_m2', 'min']` → `fields.area_m2.min`; odd names are quoted: `fields["a.b"]`, indexes `rules[2]`. */
export function formatPath(path: DefinitionPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
