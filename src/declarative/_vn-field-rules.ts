import type { FieldRule, FieldType, RuleOptions, TypedRow } from '../core/types.js';
import { identifiers } from '../../rules/vn/identifiers.js';
import { province } from '../../rules/vn/admin/province.js';
import { provinceCurrent } from '../../rules/vn/admin/province-current.js';
import { commune } from '../../rules/vn/admin/commune.js';
import { communeCurrent } from '../../rules/vn/admin/commune-current.js';
import { noDistrictLevel } from '../../rules/vn/admin/no-district-level.js';
import type { CommuneTable } from '../../rules/vn/admin/parse-admin-units.js';
import { landUseCode } from '../../rules/vn/land/land-use-code.js';
import { landUseCodeProvisional } from '../../rules/vn/land/land-use-code-provisional.js';
import { landUseCodeCurrent } from '../../rules/vn/land/land-use-code-current.js';
import { gcnSerial } from '../../rules/vn/land/gcn-serial.js';
import { landUseTerm } from '../../rules/vn/land/land-use-term.js';
import { vnName } from '../../rules/vn/text/vn-name.js';
import { nfc } from '../../rules/vn/text/nfc.js';
import { legacyEncoding } from '../../rules/vn/text/legacy-encoding.js';
import { whitespace } from '../../rules/vn/text/whitespace.js';
import { excelSerial } from '../../rules/vn/dates/excel-serial.js';
import { DefinitionError, type DefinitionPath } from './definition-error.js';
import { opt, type OptionSpec } from './_options-spec.js';
import { DATES, type ColumnKind } from './_column-kinds.js';

/** What a field's pack rule may need besides its own options. */
export interface VnFieldContext {
  readonly field: string;
  /** The field's type, which the rule must be able to read. */
  readonly type: FieldType;
  /** The dataset's `communes` lists, loaded. */
  readonly communes: readonly CommuneTable[] | undefined;
  /** The dataset's fields (the base's included) and their types, which column options must name; unchecked when absent. */
  readonly fields?: ReadonlyMap<string, FieldType> | undefined;
  /** The field's `skipLegacyEncoded` guard, one per field so the diagnosis runs once per value. */
  readonly readable: () => (row: TypedRow) => boolean;
  readonly path: DefinitionPath;
}

/** A pack field rule as a file names it: its options and how it is built from them. */
export interface VnFieldRuleSpec {
  readonly description: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** The field types the rule reads; default `TEXTUAL` (identifiers, codes and names are text). */
  readonly types?: ColumnKind;
  /** Why the rule does not fit the other types, when more than the kind needs saying. */
  readonly elsewhere?: string;
  /** The options `skipLegacyEncoded` (a `when` guard) applies to. */
  readonly guardable?: boolean;
  readonly build: (o: RuleOptions & Record<string, unknown>, ctx: VnFieldContext) => FieldRule;
}

const dateField = opt.column('A date field of the row that selects the table in force on that day.', DATES);
const at = opt.day('A fixed day (yyyy-MM-dd) that selects the table when dateField is absent or empty.');
const format = opt.string('Date format (date-fns tokens). Default dd/MM/yyyy.');
const landScheme = opt.oneOf(['2013', '2024'], 'The code scheme: 2024 (TT 08/2024, default) or 2013 (TT 27/2018).');
const provinceField = opt.column('The row\'s province-code field the value must agree with (commune: once the dataset has communes).');

function communes(ctx: VnFieldContext, rule: string): readonly CommuneTable[] {
  if (ctx.communes === undefined || ctx.communes.length === 0) {
    throw new DefinitionError(`${rule} needs the dataset's communes (communes: communes-2025.json)`, ctx.path);
  }
  return ctx.communes;
}

// Cast once: each factory takes its own option type, which the file options (schema-checked) satisfy.
type Factory = (o: never) => FieldRule;
const f = (factory: Factory) => (o: RuleOptions & Record<string, unknown>): FieldRule => factory(o as never);
const noOptions = (description: string, factory: Factory): VnFieldRuleSpec => ({ description, options: {}, build: f(factory) });

/**
 * Every field rule of `ddss/vn`, by the name a field's `vn` list uses (the factory's name). Options are those of the
 * TypeScript factory that are data; those that are functions or reference tables (`when`, `tables`, `table`) have
 * no file form.
 * @example VN_FIELD_RULES.mst?.build({ acceptPersonalId: false }, ctx) // vn.mst({ acceptPersonalId: false })
 */
export const VN_FIELD_RULES: Readonly<Record<string, VnFieldRuleSpec>> = {
  cccd: {
    description: '12-digit personal ID (CCCD): format, birth century and year.',
    options: { acceptCmnd: opt.boolean('Also accept a 9-digit legacy CMND. Default false.') },
    build: f(identifiers.cccd),
  },
  cccdPlausible: noOptions('Personal ID: plausible birth province and century (warnings).', identifiers.cccdPlausible),
  cmnd: noOptions('9-digit legacy CMND format.', identifiers.cmnd),
  cmndRetired: noOptions('A 9-digit CMND is void since 1/1/2025 (live).', identifiers.cmndRetired),
  mst: {
    description: 'Tax code (MST): 10 or 13 digits with check digit; a 12-digit personal ID from 1/7/2025.',
    options: { acceptPersonalId: opt.boolean('Accept an individual\'s 12-digit tax code (personal ID) from 1/7/2025. Default true.') },
    build: f(identifiers.mst),
  },
  mstDashed: noOptions('A branch tax code is written in its dashed form (0100109106-001).', identifiers.mstDashed),
  bhxh: noOptions('10-digit social-insurance number.', identifiers.bhxh),
  bhxhProvince: noOptions('Social-insurance number: known issuing province.', identifiers.bhxhProvince),
  bhyt: noOptions('15-character health-insurance card code.', identifiers.bhyt),
  bhytObjectCode: {
    description: 'Health-insurance card: known object code.',
    options: { dateField, at },
    build: f(identifiers.bhytObjectCode),
  },
  bhytBenefitLevel: {
    description: 'Health-insurance card: benefit level fits the object code.',
    options: { dateField, at },
    build: f(identifiers.bhytBenefitLevel),
  },
  phone: {
    description: 'Vietnamese phone number.',
    options: {
      kind: opt.oneOf(['mobile', 'landline', 'any'], 'Which numbers are accepted. Default any.'),
      hotlines: opt.boolean('Accept 1800/1900 service numbers. Default true with kind any.'),
    },
    build: f(identifiers.phone),
  },
  phonePrefix: noOptions('No mobile prefix retired in 2018 (live).', identifiers.phonePrefix),
  postalCode: noOptions('5-digit postal code.', identifiers.postalCode),
  email: noOptions('E-mail address: one @, a dotted local part and a domain with a letter TLD.', identifiers.email),
  emailDomainLowercase: noOptions('E-mail domain in lower case (clean, warning).', identifiers.emailDomainLowercase),
  postalProvince: {
    description: 'Postal code prefix of a known province, agreeing with provinceField.',
    options: { provinceField },
    build: f(identifiers.postalProvince),
  },
  province: {
    description: 'Province code in the dated list (63 provinces from 2008, 34 from 1/7/2025).',
    options: {
      scheme: opt.oneOf(['2008-08-01', '2025-07-01', 'auto'], 'The list the code must be in. Default auto (the one in force).'),
      dateField: opt.column('A date field of the row: the code must be in the list in force on that date or a later one in force today (instead of scheme).', DATES),
    },
    build: f(province),
  },
  provinceCurrent: noOptions('No province code retired on 1/7/2025 (live).', provinceCurrent),
  commune: {
    description: 'Commune code: 5 digits; with the dataset\'s communes, in them (and in the row\'s provinceField province).',
    options: { provinceField },
    build: (o, ctx) => {
      const tables = ctx.communes;
      if (tables === undefined || tables.length === 0) {
        // The lists may come later (a file that extends this one sets `communes`): until then the code's format is
        // all that is checked, and the rule's params say so (`check: format only`).
        const { provinceField: _later, ...rest } = o;
        return commune(rest);
      }
      return tables.length === 1 ? commune({ ...o, table: tables[0] as CommuneTable }) : commune({ ...o, tables });
    },
  },
  communeCurrent: {
    description: 'Commune code: not only in an earlier commune list (live); needs the dataset\'s communes.',
    options: {},
    build: (o, ctx) => {
      const tables = communes(ctx, 'communeCurrent');
      if (tables.length < 2) {
        throw new DefinitionError('communeCurrent compares dated commune lists: the dataset\'s communes need the list in force ' +
          'and at least one earlier list (communes: [communes-2008.json, communes-2025.json])', ctx.path);
      }
      return communeCurrent({ ...o, tables });
    },
  },
  noDistrictLevel: {
    description: 'No district-level unit after the level ended (1/7/2025).',
    options: { since: opt.string('The day the district level ended, yyyy-MM-dd. Default 2025-07-01.') },
    build: f(noDistrictLevel),
  },
  landUseCode: {
    description: 'Land-use type code of the scheme in force (TT 08/2024; TT 27/2018 before 1/8/2024).',
    options: { scheme: landScheme, dateField, strict: opt.boolean('Unknown and group codes are errors. Default false (warnings).') },
    build: f(landUseCode),
  },
  landUseCodeProvisional: {
    description: 'Land-use codes judged by an unverified table (warnings).',
    options: { scheme: landScheme, dateField },
    build: f(landUseCodeProvisional),
  },
  landUseCodeCurrent: noOptions('No land-use code the 2024 scheme replaced (live).', landUseCodeCurrent),
  gcnSerial: noOptions('Land-use certificate (GCN) serial: plausible form.', gcnSerial),
  landUseTerm: {
    description: 'Land-use term: LAU_DAI or an end date.',
    options: { format },
    build: f(landUseTerm),
  },
  vnName: {
    description: 'Shape of a Vietnamese personal name.',
    options: {
      allowApostrophe: opt.boolean('Allow an apostrophe between two letters (H\'Hen Niê). Default true.'),
      allowHyphen: opt.boolean('Allow a hyphen between two letters. Default true.'),
    },
    guardable: true,
    build: f(vnName),
  },
  nfc: noOptions('Text in Unicode NFC (clean).', nfc),
  legacyEncoding: noOptions('No TCVN3/VNI text or mojibake.', legacyEncoding),
  whitespace: {
    description: 'No stray, doubled or odd whitespace.',
    options: { multiline: opt.boolean('Line breaks are allowed. Default false.') },
    guardable: true,
    build: f(whitespace),
  },
  excelSerial: {
    description: 'An Excel serial number (45123) where a date belongs, with the date suggested.',
    options: {
      format: opt.string('How the suggested date is written. Default dd/MM/yyyy.'),
      earliest: opt.day('Earliest date a serial may stand for (yyyy-MM-dd). Default 1920-01-01.'),
      latest: opt.day('Latest date a serial may stand for (yyyy-MM-dd). Default 2099-12-31.'),
    },
    // A serial arrives as a number or as text; in a date field it is already invalid_type and never reaches the rule.
    types: { types: new Set(['text', 'any', 'integer', 'number']), label: 'text, any, integer or number' },
    elsewhere: 'for a date field, use the dataset rule vn.excelSerialIn',
    build: f(excelSerial),
  },
};

/**
 * The file option that sets a `when` guard skipping text `legacyEncoding` reports (TS: `when: readableText(field)`).
 * @example vn: [{ vnName: { skipLegacyEncoded: true } }]
 */
export const GUARD_OPTION = 'skipLegacyEncoded';
