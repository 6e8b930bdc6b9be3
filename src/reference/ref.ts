/** A reference named by a definition; the data behind the name is given at validate time. */
export interface ReferenceName {
  readonly kind: 'reference-name';
  readonly name: string;
}

/**
 * Names a reference a rule checks against, so one definition runs with different reference files
 * (`validate(…, { references: { communes: reference('communes', …) } })`, or `--reference communes=FILE`).
 * @example rule.reference('commune_code', ref('communes'))
 */
export function ref(name: string): ReferenceName {
  if (typeof name !== 'string' || name === '') throw new Error('ddss: ref() needs the name of a reference');
  return { kind: 'reference-name', name };
}

/**
 * Whether `x` is a {@link ref}.
 * @example isReferenceName(ref('communes')) // true
 */
export function isReferenceName(x: unknown): x is ReferenceName {
  return typeof x === 'object' && x !== null && (x as ReferenceName).kind === 'reference-name' &&
    typeof (x as ReferenceName).name === 'string';
}
