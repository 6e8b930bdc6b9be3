import { nearest } from './columns.js';
import { headerName, type Rename } from './rename.js';

/** A mistake in a definition's rename: the header it is about, and why. */
export interface RenameProblem {
  readonly from: string;
  readonly message: string;
}

/**
 * Why a definition cannot hold this rename, or undefined: a header read as a field the definition does not have
 * (the nearest field is named), two headers read as one field (a field is read from one column), one header written
 * twice (the same name once spaces, a byte order mark and accents are normalised: `headerName`), a blank header, or
 * a header that is a field's own name (its column would be read as another field, or renamed to itself).
 * @example renameProblem({ 'Số CCCD': 'owner_idd' }, ['owner_id'])?.message // 'reads the column as "owner_idd", which is not a field (did you mean "owner_id"?)'
 */
export function renameProblem(rename: Rename, fields: readonly string[]): RenameProblem | undefined {
  const declared = new Set(fields);
  const declaredNames = new Map(fields.map((f) => [headerName(f), f]));
  const byHeader = new Map<string, string>();
  const byField = new Map<string, string>();
  for (const [from, to] of Object.entries(rename)) {
    const name = headerName(from);
    if (name === '') return { from, message: 'is blank: a blank header cannot be renamed' };
    if (!declared.has(to)) return { from, message: `reads the column as "${to}", which is not a field${didYouMean(to, fields)}` };
    const own = declaredNames.get(name);
    if (own === to) return { from, message: `is the field's own name: it renames nothing (a column named "${to}" is read as it anyway)` };
    if (own !== undefined) return { from, message: `is the name of the field "${own}": its column would be read as "${to}" instead` };
    const again = byHeader.get(name);
    if (again !== undefined) return { from, message: `is the header "${again}" again (spaces, a byte order mark and accents aside)` };
    const other = byField.get(to);
    if (other !== undefined) return { from, message: `and "${other}" are both read as "${to}": a field is read from one column` };
    byHeader.set(name, from);
    byField.set(to, from);
  }
  return undefined;
}

/**
 * ` (did you mean "owner_id"?)` for a name that is no field, naming the nearest field, or `''` when none is near: what a
 * rename to a misspelt field says, in a definition's `rename:` and in `--rename` alike.
 * `vi`: in Vietnamese (` (có phải là "owner_id"?)`).
 * @example didYouMean('owner_idd', ['owner_id', 'parcel_id']) // ' (did you mean "owner_id"?)'
 */
export function didYouMean(name: string, fields: readonly string[], vi = false): string {
  const near = nearest(name, fields) ?? closest(name, fields);
  return near === undefined ? '' : vi ? ` (có phải là "${near}"?)` : ` (did you mean "${near}"?)`;
}

/** The field sharing the longest prefix with `name` (case aside), when `nearest` finds none close enough. */
function closest(name: string, fields: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let length = 0;
  for (const f of fields) {
    const l = f.toLowerCase();
    let n = 0;
    while (n < l.length && n < lower.length && l[n] === lower[n]) n++;
    if (n > length) {
      best = f;
      length = n;
    }
  }
  return length >= 3 ? best : undefined;
}
