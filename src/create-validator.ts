import { createValidator as create } from './core/validator.js';
import type { Validator } from './core/validator-type.js';
import type { DatasetDefinition, ValidateOptions } from './core/types.js';
import { referencesNamed } from './reference/bind-references.js';

/**
 * Creates a validator: rows go in one at a time (or in batches), shards merge, `finish` returns the report. It reads
 * no references (reading them is asynchronous): a definition checked against other registers is bound to them
 * first, with `bindReferences`. Given `references` for such a definition, it throws rather than ignore them (the
 * rules would fail at `finish` saying the reference was not given). A `baseline` is refused too: it is applied by
 * `validate`, and ignored here every violation would be judged new.
 * @example
 * const v = createValidator(await bindReferences(parcels, { communes }), { now: new Date('2026-11-22') });
 * v.addMany(rows);
 * const report = v.finish();
 */
export function createValidator(definition: DatasetDefinition, options: ValidateOptions = {}): Validator {
  const unbound = options.references === undefined ? [] : referencesNamed(definition);
  if (unbound.length > 0) {
    throw new TypeError(`ddss: createValidator does not read references (reading them is asynchronous), so ` +
      `${unbound.map((n) => `'${n}'`).join(', ')} would never be checked: bind them first, ` +
      'createValidator(await bindReferences(definition, references), options), or use validate(…, { references })');
  }
  if (options.baseline !== undefined) {
    throw new TypeError('ddss: createValidator does not apply a baseline (it judges every violation as new): use ' +
      'validate(…, { baseline }), or leave it out');
  }
  return create(definition, options);
}
