import type { DatasetRule } from '../../src/core/types.js';
import type { RowInput } from '../../src/core/validate.js';
import type { Reference } from '../../src/reference/reference.js';
import { verifyPerson, type RegisterColumns, type VerifyPersonFields } from '../vn/cross/verify-person.js';
import type { RegisterOptions } from './_communes.js';

/** Options of the registers of people (land owners, insurance participants). */
export interface PersonRegisterOptions extends RegisterOptions {
  /**
   * The population register to verify each person against (`vn.verifyPerson`): a `reference('population', …)`, or
   * rows (`readCsv('population.csv')`) read with the register's format. Without it (and without a run's
   * `references: { population }` or `--reference population=FILE`) the six `verifyPerson` rules are skipped.
   */
  readonly population?: Reference | RowInput;
  /** The population register's column names, when its export does not use `id`, `full_name`, `birth_date`, `gender`, `death_date`. */
  readonly populationColumns?: RegisterColumns;
}

/** The keys of `PersonRegisterOptions`: `landParcelsWith` and `insuranceParticipantsWith` refuse any other. */
export const PERSON_REGISTER_OPTION_KEYS: readonly string[] = Object.keys(
  { communes: true, population: true, populationColumns: true } satisfies Record<keyof PersonRegisterOptions, true>);

/** The reference name the built-in registers verify people against. */
export const POPULATION = 'population';

/** The `verifyPerson` rules of a built-in register, against the `population` reference. */
export function populationRules(fields: VerifyPersonFields, options: PersonRegisterOptions): readonly DatasetRule[] {
  return verifyPerson(fields, {
    register: POPULATION,
    ...(options.population === undefined ? {} : { source: options.population }),
    ...(options.populationColumns === undefined ? {} : { registerColumns: options.populationColumns }),
  });
}

/** Whether the options change the rule set, so worker threads could not rebuild it from the module. */
export function customised(options: PersonRegisterOptions): boolean {
  return options.communes !== undefined || options.population !== undefined || options.populationColumns !== undefined;
}
