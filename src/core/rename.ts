/** Header columns read under other names: `{ 'Số CCCD': 'owner_id' }` (the header's name → the field's). */
export type Rename = Readonly<Record<string, string>>;

/**
 * A header name as a declared field or a rename matches it: without a byte order mark, surrounding spaces, a no-break
 * space for a space, or a decomposed accent (`Số` typed as o + two marks, as macOS and some exports write it). A
 * field or rename written in a definition or on the command line then finds the column however the agency's
 * software wrote it.
 * @example headerName('\uFEFF Số\u00A0CCCD ') === 'Số CCCD'.normalize('NFC') // true
 */
export function headerName(name: string): string {
  return name.replace(/^\uFEFF/, '').replace(/\u00A0/g, ' ').trim().normalize('NFC');
}

/**
 * The rename a definition's source is read with: its `rename:` and then each declared field as a rename of itself,
 * so a header cell that is a field's name but for its form (`headerName`: accents decomposed, a no-break space,
 * spaces around it, a byte order mark) is read as that field, as a renamed column is. A cell written exactly as a
 * field stays itself; an entry of `rename` for the same header comes first and wins (`renamedAs`).
 * @example readRename({ 'Số CCCD': 'owner_id' }, ['owner_id', 'Mã thửa']) // { 'Số CCCD': 'owner_id', owner_id: 'owner_id', 'Mã thửa': 'Mã thửa' }
 */
export function readRename(rename: Rename | undefined, fields: readonly string[]): Rename {
  const out = Object.create(null) as Record<string, string>;
  Object.assign(out, rename);
  for (const field of fields) if (!Object.hasOwn(out, field)) out[field] = field;
  return out;
}

/**
 * A rename without the entries `readRename` adds (a header read as itself): what the user renamed, for what a run
 * records and says (a shard state's `rename`, a merge's refusal), which the declared fields do not change.
 * @example givenRename({ 'Số CCCD': 'owner_id', owner_id: 'owner_id' }) // { 'Số CCCD': 'owner_id' }
 */
export function givenRename(rename: Rename | undefined): Rename | undefined {
  if (rename === undefined) return undefined;
  const out = Object.create(null) as Record<string, string>;
  for (const [from, to] of Object.entries(rename)) if (from !== to) out[from] = to;
  return Object.keys(out).length === 0 ? undefined : out;
}

/**
 * The field a header column is read as under `rename`, or undefined when no key matches it. A key equal to the name
 * as written wins; otherwise keys match by `headerName`. Own keys only: a column named `constructor` renames nothing.
 * @example renamedAs({ 'Số CCCD': 'owner_id' })(' Số CCCD') // 'owner_id'
 */
export function renamedAs(rename: Rename): (name: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const [from, to] of Object.entries(rename)) if (!byName.has(headerName(from))) byName.set(headerName(from), to);
  return (name) => (Object.hasOwn(rename, name) ? rename[name] : byName.get(headerName(name)));
}

/**
 * One rename from two: `over`'s entries (a run's `--rename`), then each of `base`'s (a definition's `rename:`) whose
 * header and field `over` does not already name. `over` says where a field is in this file: the definition's entry
 * for the same header, or for the same field, gives way to it. Undefined when both are.
 * @example composeRename({ 'Số CCCD': 'owner_id', 'Mã xã': 'commune_code' }, { CCCD: 'owner_id' }) // { CCCD: 'owner_id', 'Mã xã': 'commune_code' }
 */
export function composeRename(base: Rename | undefined, over: Rename | undefined): Rename | undefined {
  if (base === undefined || Object.keys(base).length === 0) return over;
  if (over === undefined) return base;
  const out = Object.create(null) as Record<string, string>;
  Object.assign(out, over);
  const headers = new Set(Object.keys(over).map(headerName));
  const fields = new Set(Object.values(over));
  for (const [from, to] of Object.entries(base)) if (!headers.has(headerName(from)) && !fields.has(to)) out[from] = to;
  return out;
}
