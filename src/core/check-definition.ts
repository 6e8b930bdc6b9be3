/**
 * Refuses what is not a dataset definition, from JavaScript: `validate(null, …)` failed as "Cannot read properties of
 * null (reading 'fields')", and `{ name, fields: {} }` without `rules` as "definition.rules is not iterable".
 * @example checkDefinition(null) // throws TypeError: ddss: a dataset definition is what defineDataset() returns …
 */
export function checkDefinition(def: unknown): void {
  const d = def as { name?: unknown; fields?: unknown; rules?: unknown } | null;
  if (typeof d === 'object' && d !== null && typeof d.name === 'string' && typeof d.fields === 'object' && d.fields !== null &&
    Array.isArray(d.rules)) return;
  throw new TypeError('ddss: a dataset definition is what defineDataset() returns (its name, fields and rules), got ' +
    (d === null ? 'null' : typeof d !== 'object' ? typeof d : `an object without ${['name', 'fields', 'rules'].filter((k) => !(k in d)).join(', ') || 'the right kinds of name, fields and rules'}`));
}
