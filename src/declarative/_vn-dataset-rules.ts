import type { DatasetRule } from '../core/types.js';
import { idBirthYear } from '../../rules/vn/cross/id-birth-year.js';
import { idGender } from '../../rules/vn/cross/id-gender.js';
import { bhytMatchesBhxh } from '../../rules/vn/cross/bhyt-matches-bhxh.js';
import { childUnderSix } from '../../rules/vn/cross/child-under-six.js';
import { salaryInRange } from '../../rules/vn/cross/salary-in-range.js';
import { salaryInRangeProvisional } from '../../rules/vn/cross/salary-in-range-provisional.js';
import { cardNotExpired } from '../../rules/vn/cross/card-not-expired.js';
import { cardPeriodOrdered } from '../../rules/vn/cross/card-period-ordered.js';
import { datesOrdered } from '../../rules/vn/cross/dates-ordered.js';
import { oneBhxhPerId } from '../../rules/vn/cross/one-bhxh-per-id.js';
import { vn2000 } from '../../rules/vn/land/vn2000.js';
import { residentialTermPermanent } from '../../rules/vn/land/residential-term-permanent.js';
import { agriculturalTerm } from '../../rules/vn/land/agricultural-term.js';
import { excelSerialIn } from '../../rules/vn/dates/excel-serial-in.js';
import { unitCodeMatchesType } from '../../rules/vn/enterprise/unit-code-matches-type.js';
import { capitalPositive } from '../../rules/vn/enterprise/capital-positive.js';
import { statusDateRequired } from '../../rules/vn/enterprise/status-date-required.js';
import { enterpriseNameUnique } from '../../rules/vn/enterprise/enterprise-name-unique.js';
import { suspensionWithinYear } from '../../rules/vn/enterprise/suspension-within-year.js';
import { closedNotEdited } from '../../rules/vn/enterprise/closed-not-edited.js';
import { verifyPerson } from '../../rules/vn/cross/verify-person.js';
import { opt, type OptionSpec } from './_options-spec.js';

/**
 * A cross-field rule of `ddss/vn` as a dataset `rules` entry names it (`type: vn.idBirthYear`): the column keys of
 * its TypeScript fields argument, its data options, and how it is built. The field types its columns must have are
 * the built rule's own (`recordRule`'s `fieldKinds`), read back by the file reader, so files and `defineDataset`
 * refuse the same columns.
 */
export interface VnDatasetRuleSpec {
  readonly description: string;
  /** Keys naming one column each, as the TypeScript fields object has them. */
  readonly columns: readonly string[];
  /**
   * File keys of the columns whose TypeScript key a file cannot use, by TypeScript key: `type` names the rule in a
   * file, so the type column of the enterprise rules is `typeField`.
   */
  readonly fileKeys?: Readonly<Record<string, string>>;
  /** A key naming a list of columns (`datesOrdered`'s fields), when the rule takes one. */
  readonly columnList?: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** The rule, or the rules of a factory that makes several (`verifyPerson`). */
  readonly build: (columns: Record<string, unknown>, options: Record<string, unknown>) => DatasetRule | readonly DatasetRule[];
}

const dateFormat = opt.string('Date format of a term written as text. Default dd/MM/yyyy.');
const region = opt.oneOf(['I', 'II', 'III', 'IV'], 'Region whose minimum wage is the floor. Default IV.');
type Fn = (fields: never, options: never) => DatasetRule;
const typeField = { type: 'typeField' } as const;
const enterprises = opt.strings('Type values of enterprises. Default the five forms of Luật Doanh nghiệp 2020 (TNHH1TV, TNHH2TV, CP, HD, DNTN).');
const genders = (description: string) => ({
  schema: {
    type: 'object', required: ['male', 'female'], additionalProperties: false, description,
    properties: Object.fromEntries(['male', 'female'].map((k) => [k, { type: 'array', minItems: 1, maxItems: 20, items: { type: ['string', 'number'] } }])),
  },
  convert: (v: unknown) => {
    const g = v as { male: (string | number)[]; female: (string | number)[] };
    return { male: [...g.male], female: [...g.female] };
  },
});
const REGISTER_COLUMNS = ['id', 'full_name', 'birth_date', 'gender', 'death_date'] as const;
const two = (fn: Fn) => (c: Record<string, unknown>, o: Record<string, unknown>) => fn(c as never, o as never);

/**
 * Every cross-field (dataset) rule of `ddss/vn`, by its factory name (`vn.` + the name in a file).
 * @example VN_DATASET_RULES.idBirthYear?.build({ id: 'owner_id', birthYear: 'owner_birth_year' }, {})
 */
export const VN_DATASET_RULES: Readonly<Record<string, VnDatasetRuleSpec>> = {
  idBirthYear: {
    description: 'The personal ID\'s birth year matches the birth year or date-of-birth column.',
    columns: ['id', 'birthYear'], options: {}, build: two(idBirthYear),
  },
  idGender: {
    description: 'The personal ID\'s gender digit matches the gender column.',
    columns: ['id', 'gender'],
    options: {
      genders: {
        schema: {
          type: 'object', required: ['male', 'female'], additionalProperties: false,
          description: 'How the source writes each gender; the first value of each list is the suggestion. Default { male: [Nam], female: [Nữ] }.',
          properties: Object.fromEntries(['male', 'female'].map((k) => [k, { type: 'array', minItems: 1, maxItems: 20, items: { type: ['string', 'number'] } }])),
        },
        convert: (v) => {
          const g = v as { male: (string | number)[]; female: (string | number)[] };
          return { male: [...g.male], female: [...g.female] };
        },
      },
    },
    build: two(idGender),
  },
  bhytMatchesBhxh: {
    description: 'The last 10 digits of the health-insurance card code are the BHXH number.',
    columns: ['card', 'bhxh'], options: {}, build: two(bhytMatchesBhxh),
  },
  childUnderSix: {
    description: 'A children\'s card (TE) belongs to a child under six over its validity.',
    columns: ['card', 'dob', 'validFrom', 'validTo'],
    options: { objectCodes: opt.strings('Object codes of cards for children under six. Default [TE].') },
    build: two(childUnderSix),
  },
  salaryInRange: {
    description: 'Contribution salary within [regional minimum wage, 20 × base salary] of its month (verified figures).',
    columns: ['salary', 'month'], options: { region }, build: two(salaryInRange),
  },
  salaryInRangeProvisional: {
    description: 'The salary bounds resting on unconfirmed figures (warnings).',
    columns: ['salary', 'month'], options: { region }, build: two(salaryInRangeProvisional),
  },
  cardNotExpired: {
    description: 'An active participant\'s card is not expired (live).',
    columns: ['status', 'validTo'],
    options: { active: opt.strings('Status values that mean active. Default [active].') },
    build: two(cardNotExpired),
  },
  cardPeriodOrdered: {
    description: 'A card\'s valid-from is not after its valid-to.',
    columns: ['validFrom', 'validTo'], options: {}, build: two(cardPeriodOrdered),
  },
  datesOrdered: {
    description: 'The date columns are in order (each not after the next).',
    columns: [], columnList: 'fields',
    options: { upToNow: opt.boolean('The last date must not be after the run\'s date either. Default true.') },
    build: (c, o) => datesOrdered(c.fields as string[], o),
  },
  oneBhxhPerId: {
    description: 'One personal ID has one BHXH number (clean).',
    columns: ['id', 'bhxh'], options: {}, build: two(oneBhxhPerId as unknown as Fn),
  },
  verifyPerson: {
    description: 'Each person is in the population register with its name, birth year or date and gender, and not deceased (six rules: verifyPerson, .name, .nameForm, .birth, .gender, .deceased).',
    columns: ['id', 'name', 'gender'],
    options: {
      birthYear: opt.column('The birth-year column (give this or birthDate).'),
      birthDate: opt.column('The date-of-birth column (give this or birthYear).'),
      register: opt.string('The reference holding the population register (--reference NAME=FILE). Default population.'),
      registerColumns: {
        schema: {
          type: 'object', additionalProperties: false, minProperties: 1,
          description: 'The register\'s column names when its export does not use id, full_name, birth_date, gender, death_date.',
          properties: Object.fromEntries(REGISTER_COLUMNS.map((k) => [k, { type: 'string', minLength: 1, maxLength: 200 }])),
        },
        convert: (v) => {
          const given = v as Record<string, string>;
          return Object.fromEntries(REGISTER_COLUMNS.filter((k) => Object.hasOwn(given, k)).map((k) => [k, given[k]]));
        },
      },
      genders: genders('How the record writes each gender. Default { male: [Nam], female: [Nữ] }.'),
      registerGenders: genders('How the register writes each gender. Default { male: [Nam], female: [Nữ] }.'),
    },
    build: (c, o) => {
      const { birthYear, birthDate, register, ...rest } = o;
      return verifyPerson({
        id: c.id as string, name: c.name as string, gender: c.gender as string,
        ...(birthYear === undefined ? {} : { birthYear: birthYear as string }),
        ...(birthDate === undefined ? {} : { birthDate: birthDate as string }),
      }, { ...rest, register: (register as string | undefined) ?? 'population' });
    },
  },
  vn2000: {
    description: 'VN-2000 coordinates (northing X, easting Y) inside Vietnam.',
    columns: ['northField', 'eastField'], options: {}, build: two(vn2000),
  },
  residentialTermPermanent: {
    description: 'Residential land is held permanently (LAU_DAI).',
    columns: ['code', 'term'], options: {}, build: two(residentialTermPermanent),
  },
  agriculturalTerm: {
    description: 'Agricultural land is held for at most 50 years from the issue date.',
    columns: ['code', 'term', 'issueDate'],
    options: { format: dateFormat, codes: opt.strings('Land-use codes with the 50-year term.') },
    build: two(agriculturalTerm),
  },
  excelSerialIn: {
    description: 'An Excel serial number in a date column, named as such with the date suggested.',
    columns: ['column'],
    options: {
      format: opt.string('How the suggested date is written. Default dd/MM/yyyy.'),
      earliest: opt.day('Earliest date a serial may stand for (yyyy-MM-dd).'),
      latest: opt.day('Latest date a serial may stand for (yyyy-MM-dd).'),
    },
    build: (c, o) => excelSerialIn(c.column as string, o),
  },
  unitCodeMatchesType: {
    description: 'An enterprise has a 10-digit code, a dependent unit (CN, VPDD) its parent\'s code and -001…-999.',
    columns: ['code', 'type'], fileKeys: typeField,
    options: { units: opt.strings('Type values of dependent units. Default [CN, VPDD].'), enterprises },
    build: two(unitCodeMatchesType),
  },
  capitalPositive: {
    description: 'An enterprise\'s charter capital is more than 0 (only a dependent unit records 0).',
    columns: ['capital', 'type'], fileKeys: typeField, options: { enterprises }, build: two(capitalPositive),
  },
  statusDateRequired: {
    description: 'A record whose status is not active has its status date.',
    columns: ['status', 'statusDate'],
    options: {
      statuses: opt.strings('The statuses that need a date. Default [suspended, dissolving, dissolved, revoked].'),
      missingValues: opt.missingValues('Cell values that count as missing (vn: the Vietnamese placeholders). Default vn.'),
    },
    build: two(statusDateRequired),
  },
  enterpriseNameUnique: {
    description: 'No two active enterprises of a province share a name (compared by canonical.name; clean, warning).',
    columns: ['name', 'province', 'status', 'type'], fileKeys: typeField,
    options: { active: opt.strings('Status values of enterprises in operation. Default [active].'), enterprises },
    build: two(enterpriseNameUnique as unknown as Fn),
  },
  suspensionWithinYear: {
    description: 'A suspension is not older than the one year a notice covers (live, warning).',
    columns: ['status', 'statusDate'],
    options: { suspended: opt.strings('Status values that mean suspended. Default [suspended].') },
    build: two(suspensionWithinYear),
  },
  closedNotEdited: {
    description: 'A dissolved or revoked record is not edited more than graceDays after its status date (live, warning).',
    columns: ['status', 'statusDate', 'updatedAt'],
    options: {
      closed: opt.strings('Status values that close the record. Default [dissolved, revoked].'),
      graceDays: opt.integer(0, 'Days after the status date during which edits are expected. Default 30.'),
    },
    build: two(closedNotEdited),
  },
};

/**
 * The file key of a pack dataset rule's column: its TypeScript key, unless a file needs another (`typeField`).
 * @example columnKey(VN_DATASET_RULES.capitalPositive, 'type') // 'typeField'
 */
export function columnKey(spec: VnDatasetRuleSpec, key: string): string {
  return spec.fileKeys !== undefined && Object.hasOwn(spec.fileKeys, key) ? spec.fileKeys[key] as string : key;
}

/**
 * The file key that sets a pack dataset rule's id: `id` names the personal-ID column in three of them.
 * @example rules: [{ type: vn.idGender, id: id_no, gender: gender, ruleId: id-gender }]
 */
export const RULE_ID_KEY = 'ruleId';
