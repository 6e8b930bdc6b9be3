import type { DatasetDefinition } from '../core/types.js';
import { builtinDatasets } from '../../rules/datasets/index.js';
import { landParcelsWith } from '../../rules/datasets/land-parcels.js';
import { insuranceParticipantsWith } from '../../rules/datasets/insurance-participants.js';
import { enterpriseRegisterWith } from '../../rules/datasets/enterprise-register.js';
import type { RegisterOptions } from '../../rules/datasets/_communes.js';
import type { CommuneTable } from '../../rules/vn/admin/parse-admin-units.js';
import { DefinitionError } from './definition-error.js';
import type { DefinitionResolver } from './build-definition.js';

/** The built-ins that take commune lists, by name (`communes:` on a file that extends them). */
const WITH_OPTIONS: Readonly<Record<string, (options: RegisterOptions) => DatasetDefinition>> = {
  'land-parcels': landParcelsWith,
  'insurance-participants': insuranceParticipantsWith,
  'enterprise-register': enterpriseRegisterWith,
};

/** Whether `extends` names a file rather than a built-in: it has a definition file's extension. */
function isFile(ref: string): boolean {
  return /\.(json|ya?ml)$/i.test(ref);
}

/**
 * The definition an `extends` names: a built-in dataset (`land-parcels`), rebuilt with the file's commune lists when
 * it has some, or a JSON/YAML definition file relative to the extending one. A TypeScript file cannot be a base: a
 * data file stays data.
 * @example resolveBase('land-parcels', undefined, {}) // the built-in land-parcels definition
 */
export function resolveBase(ref: string, communes: readonly CommuneTable[] | undefined, resolver: DefinitionResolver): DatasetDefinition {
  if (!isFile(ref)) {
    const builtin = Object.hasOwn(builtinDatasets, ref) ? builtinDatasets[ref] : undefined;
    if (builtin === undefined) {
      const names = Object.keys(builtinDatasets).join(', ');
      throw new DefinitionError(`no built-in dataset "${ref}" (built-ins: ${names}; a file must end in .json, .yaml or .yml)`, ['extends']);
    }
    if (communes === undefined) return builtin;
    const withOptions = Object.hasOwn(WITH_OPTIONS, ref) ? WITH_OPTIONS[ref] : undefined;
    if (withOptions === undefined) throw new DefinitionError(`the built-in "${ref}" takes no commune lists`, ['communes']);
    return withOptions({ communes: communes.length === 1 ? communes[0] as CommuneTable : communes });
  }
  if (resolver.definition === undefined) {
    throw new DefinitionError('a base file is read relative to the definition file: load it with loadDefinition (or give parseDefinition a baseDir)', ['extends']);
  }
  return resolver.definition(ref, communes);
}
