import { nearest } from './columns.js';

/**
 * Which declared fields the rows given in code (objects, Maps) hold as properties, so that a renamed property is
 * `source.missing_column`, as a renamed CSV column or JSON key is. Without it `validate(d, [{ id: '1', Area: -5 }])`
 * with a field `area` passed: every `area` cell read as missing, its rules skipped, nothing said of `Area`.
 *
 * Objects built in code are often sparse (an optional field left out, as zod's optional keys) and often carry more
 * than a definition reads (ids, timestamps), so a field no row holds is a missing column only when some row holds a
 * property that looks like it (`Area`, `ownerId`, `Owner ID` for `owner_id`: case, diacritics, separators, a small
 * edit distance); then the undeclared properties are reported too (they explain it). A field left out with nothing
 * like it is not a finding: its rules are skipped (checked 0), as the report shows.
 *
 * A row's properties are looked at only while some declared field has not been seen yet: rows that hold every field
 * (nearly always the first) cost one check of an empty set.
 */
export interface PropertyWatch {
  /** Looks at one row (anything but objects and Maps is ignored: array rows are positional, others not records). */
  see(row: unknown): void;
  /** Every declared field was seen: no later row can change the outcome. */
  done(): boolean;
  /**
   * The columns to check the definition against: the declared fields, but those no row holds while a property looks
   * like them; with such a field, every undeclared property seen as well. `null` when no row was an object or a Map.
   */
  columns(): readonly string[] | null;
}

/** Undeclared properties kept at most (rows built with arbitrary keys must not grow the report without bound). */
const MAX_EXTRA = 1000;

/**
 * Watches the rows of a run for the declared `fields`.
 * @example const w = propertyWatch(['id', 'area']); w.see({ id: '1', Area: 5 }); w.columns() // ['id', 'Area']
 */
export function propertyWatch(fields: readonly string[]): PropertyWatch {
  const unseen = new Set(fields);
  const extra = new Set<string>();
  const declared = new Set(fields);
  let records = false;
  const note = (name: string): void => {
    if (declared.has(name)) unseen.delete(name);
    else if (extra.size < MAX_EXTRA) extra.add(name);
  };
  return {
    see(row) {
      if (unseen.size === 0 || typeof row !== 'object' || row === null || Array.isArray(row)) return;
      records = true;
      if (row instanceof Map) {
        for (const k of row.keys()) note(String(k));
        return;
      }
      for (const k of Object.keys(row)) note(k);
      // A getter on a class's prototype is read like an own property (core/access.ts), so such a field is there too.
      for (const f of unseen) if (!(f in Object.prototype) && f in row) unseen.delete(f);
    },
    done: () => unseen.size === 0,
    columns() {
      if (!records) return null;
      const others = [...extra];
      const renamed = new Set([...unseen].filter((f) => nearest(f, others) !== undefined));
      const present = fields.filter((f) => !renamed.has(f));
      return renamed.size === 0 ? present : [...present, ...others];
    },
  };
}
