import { basename, extname } from 'node:path';
import { isPersonalRecogniser, MATCH_SHARE } from './finish-column.js';
import { RECOGNISER_LABELS, RECOGNISERS, type RecogniserName } from './recognisers.js';
import { personalColumnName } from './personal-column.js';
import { shape } from './shape.js';
import { excelSerialWhy } from './excel-serial-dates.js';
import { communeFormText, formOnlyText } from './describe-column.js';
import type { ColumnProfile, Profile } from './types.js';
import { MAX_FIELDS } from '../declarative/build-definition.js';
import { MAX_DEFINITION_BYTES } from '../declarative/parse-definition.js';
import { profileLabels, profilePercent } from './_profile-labels.js';

/** What the text and the suggestion say of a header that reads as a record. */
export const HEADER_AS_RECORD = profileLabels('en').headerAsRecord;

/** Longest field name a definition accepts (the dataset schema's limit). */
const MAX_NAME = 200;

// The pack rule a recogniser stands for, as a field's `vn` list writes it.
// Names get `pii` only: whether a register's names must pass `vnName` is the steward's call.
const VN_RULE: Readonly<Record<RecogniserName, string | undefined>> = {
  cccd: 'cccd', cmnd: 'cmnd', mst: 'mst', bhxh: 'bhxh', bhyt: 'bhyt', phone: 'phone', commune: 'commune',
  province2025: '{ province: { scheme: "2025-07-01" } }', province2008: '{ province: { scheme: "2008-08-01" } }',
  landUseCode2024: '{ landUseCode: { scheme: "2024" } }', landUseCode2013: '{ landUseCode: { scheme: "2013" } }',
  personName: undefined,
};

/** Options of `suggestDefinition`. */
export interface SuggestOptions {
  /** The header rename the profile was read with (header as written → field), suggested as `rename:`. */
  readonly rename?: Readonly<Record<string, string>> | undefined;
  /**
   * The files of the commune lists the profile was read with, as the definition names them (relative to it), written
   * as its `communes:`. Without them a column recognised as commune codes gets no `vn: [commune]`: with no list, the
   * rule would check the form only and pass whatever five digits the column holds.
   */
  readonly communes?: readonly string[] | undefined;
}

/** What to do with a file whose suggestion `ddss validate` would refuse: the checks are the user's choice then. */
const OWN_DEFINITION = 'declare the columns to check in a definition of your own, with columns: ignore for the others';

/**
 * A dataset definition in the declarative YAML format suggested by a profile, which `ddss validate --dataset`
 * accepts as written: each column's inferred type (dates with their format, numbers with their decimal
 * separator, enums with their values), `required` where no value is missing, `unique` where every value is distinct
 * (exact counts only), a `vn` rule where a recogniser matched ≥ 95% of the values, `legacyEncoding` / `nfc` where
 * such text was seen, `pii` on personal identifiers, and the evidence as comments. Missing values are the Vietnamese
 * placeholders (`missingValues: vn`), as the profile counted them. `options.rename`, the header rename the profile was
 * read with (`readCsv`'s `header` map, `--rename`), becomes the definition's `rename:` (entries whose field is
 * declared), so the definition reads the file as written without the rename given again. A file of more columns than
 * a definition may have fields, or whose suggestion outgrows a definition file's size cap, gets none: it throws,
 * rather than suggest what `ddss validate --dataset` refuses.
 * @example suggestDefinition(await profile(readCsv('parcels.csv'))) // 'name: "parcels"\nmissingValues: vn\nfields:\n…'
 * @example suggestDefinition(p, { rename: { 'Mã thửa': 'parcel_id' } }) // '…rename:\n  "Mã thửa": "parcel_id"\nfields:\n…'
 */
export function suggestDefinition(p: Profile, options: SuggestOptions = {}): string {
  const declarable = p.columns.filter((c) => c.name.length >= 1 && c.name.length <= MAX_NAME);
  // A name the header repeats is one field (validation reads the first such column and reports the repeat).
  const declared = declarable.filter((c) => c.occurrence === 0);
  const skipped = p.columns.filter((c) => !declarable.includes(c));
  const repeated = declarable.filter((c) => c.occurrence === 1);
  if (declared.length === 0) throw new Error('ddss: the input has no column a definition can declare, so nothing can be suggested');
  // A definition has a field per column: one of more fields than a definition may have would be refused as written.
  if (declared.length > MAX_FIELDS) {
    throw new Error(`ddss: the input has ${declared.length} columns to declare, and a definition may have at most ${MAX_FIELDS} ` +
      `fields (ddss validate would refuse it): ${OWN_DEFINITION}`);
  }
  const lines = [
    `# Suggested by ddss profile from ${oneLine(p.source)}: ${p.rows} row${p.rows === 1 ? '' : 's'}${p.sampled ? ' (a sample)' : ''}, ${p.columns.length} column${p.columns.length === 1 ? '' : 's'}.`,
    '# It describes this file; review it (required, unique, enum values) before using it as the register\'s rules.',
    ...(p.issues.length === 0 ? [] : [`# What the source reported (not in the counts below): ${p.issues.map((i) => `${i.count} ${oneLine(i.code)}`).join(', ')}.`]),
    ...(p.headerReadAsRecord === true ? [`# Warning: ${HEADER_AS_RECORD}; give the file a header line.`] : []),
    ...(p.columnsNotProfiled === undefined ? [] : [`# Warning: ${p.columnsNotProfiled} more columns, past the first ${p.columns.length}, were not profiled.`]),
    `name: ${yamlString(datasetName(p.source))}`,
    'missingValues: vn  # empty cells and the Vietnamese placeholders (NULL, -, 00/00/0000, …) count as missing',
  ];
  if (skipped.length > 0) {
    lines.push(`columns: ignore  # ${skipped.length} column name${skipped.length === 1 ? ' is' : 's are'} empty or longer than ${MAX_NAME} characters and cannot be declared`);
  }
  for (const c of repeated) lines.push(`# the header repeats ${oneLine(yamlString(c.name))}: only its first column is declared`);
  // A rename to a column not declared (a name too long, a header read as a record) would be refused by the definition.
  const names = new Set(declared.map((c) => c.name));
  const renamed = Object.entries(options.rename ?? {}).filter(([, to]) => names.has(to));
  if (renamed.length > 0) {
    lines.push('rename:  # the header in the file: the field it is read as (the rename this profile was read with)');
    for (const [from, to] of renamed) lines.push(`  ${yamlString(from)}: ${yamlString(to)}`);
  }
  const communes = declared.some((c) => c.recognised === 'commune') ? options.communes ?? [] : [];
  if (communes.length > 0) {
    lines.push(`communes: [${communes.map(yamlString).join(', ')}]  # the commune lists the codes were found in (${(p.communeLists ?? []).join(', ')})`);
  }
  lines.push('fields:');
  for (const c of declared) lines.push(...field(c, p, communes.length > 0));
  const text = `${lines.join('\n')}\n`;
  if (Buffer.byteLength(text) > MAX_DEFINITION_BYTES) {
    throw new Error(`ddss: the definition suggested for the input is larger than ${MAX_DEFINITION_BYTES / 1024 / 1024} MB, the most a ` +
      `definition file may hold (ddss validate would refuse it): ${OWN_DEFINITION}`);
  }
  return text;
}

function field(c: ColumnProfile, p: Profile, listed: boolean): string[] {
  const unnamed = p.headerReadAsRecord === true;
  const present = c.cells - c.missing;
  const out = [`  ${yamlString(c.name)}:`];
  const note = (text: string) => out.push(`    # ${oneLine(text)}`);
  if (present === 0) note(`no value in any of the ${c.cells} rows`);
  else note(`${present} value${present === 1 ? '' : 's'}, ${c.missing} missing; ${distinct(c)}`);
  const vn: string[] = [];
  // Five-digit serials have the form of commune codes: in a column whose name says date, they are dates, not codes.
  const serials = c.excelSerialDates === 'name' && c.recognised === 'commune';
  const recognised = serials ? undefined : c.recognised;
  // An integer column of CCCD Excel stripped of their zeros (79199012345) becomes text, as the rule needs.
  const untidy = recognised === undefined && !serials && (c.type === 'text' || c.type === 'integer') && present > 0
    ? RECOGNISERS.map((n) => c.recognisers.find((r) => r.name === n)).find((r) => r !== undefined && r.formOnly !== true && (r.grouped ?? 0) > 0 && r.matched + (r.grouped ?? 0) >= MATCH_SHARE * present)
    : undefined;
  if (recognised !== undefined) {
    const r = c.recognisers.find((x) => x.name === recognised);
    const matched = r?.matched ?? 0;
    note(`${percent(matched / present)} look like ${RECOGNISER_LABELS[recognised]}${matched < present ? `; ${present - matched} do not` : ''}`);
    const rule = VN_RULE[recognised];
    if (recognised === 'commune' && !listed) note('give the definition the commune lists as communes: (their files) and add vn: [commune]; without them the rule checks the form only');
    else if (rule !== undefined) vn.push(rule);
  } else if (untidy !== undefined) {
    // Without the rule, `text` would pass IDs written `001 089 012345`; with it, validation reports each of them.
    const grouped = untidy.grouped ?? 0;
    note(`${percent((untidy.matched + grouped) / present)} look like ${RECOGNISER_LABELS[untidy.name]}, ${grouped} of them written with spaces, dots or dashes or without their leading zeros (the rule reports those)${untidy.matched + grouped < present ? `; ${present - untidy.matched - grouped} do not` : ''}`);
    const rule = VN_RULE[untidy.name];
    if (rule !== undefined) vn.push(rule);
  } else if (c.type !== 'empty' && c.type !== 'text' && c.type !== 'enum' && !serials) {
    const read = present - c.typeFailures;
    note(`${percent(read / present)} read as ${typeLabel(c)}${c.typeFailures > 0 ? `; ${c.typeFailures} do not${c.type === 'date' && read < MATCH_SHARE * present ? ' (dates in other formats: findings of the type rule)' : ''}` : ''}`);
  }
  const form = communeFormText(c, p.communeLists);
  if (form !== undefined && !serials) note(`${form}: no commune rule suggested`);
  for (const r of c.recognisers) {
    if (r.formOnly === true && r.share >= 0.5) note(`${formOnlyText(r)}: no rule suggested (add vn: [${r.name}] if they are)`);
    else if (r.name !== c.recognised && !serials && r.share >= 0.5 && r.share < MATCH_SHARE) note(`${percent(r.share)} look like ${RECOGNISER_LABELS[r.name]} (below ${percent(MATCH_SHARE)}: no rule suggested)`);
  }
  if (c.legacyEncoded > 0) {
    note(`${c.legacyEncoded} value${c.legacyEncoded === 1 ? ' looks' : 's look'} TCVN3/VNI-encoded or garbled`);
    vn.push('legacyEncoding');
  }
  if (c.nfd > 0) {
    note(`${c.nfd} value${c.nfd === 1 ? ' is' : 's are'} not in Unicode NFC (decomposed accents)`);
    vn.push('nfc');
  }
  // Dates gone through a spreadsheet as numbers: by name and values, the rule that reports each with its date (which
  // `ddss fix --only excel-date` writes); by values alone, which amounts may share, only said.
  if (c.excelSerialDates !== undefined) {
    note(`may hold dates as Excel serial numbers: ${excelSerialWhy(c)}${serials ? ', though they have the form of commune codes' : ''}; ` +
      `${c.excelSerialDates === 'name' ? 'excelSerial reports' : 'if so, type: integer and vn: [excelSerial] report'} each with ` +
      'its date, which ddss fix --only excel-date writes; then declare type: date with its format');
    if (c.excelSerialDates === 'name') vn.push('excelSerial');
  }
  // Identifiers a spreadsheet wrote in scientific notation: read as text (a number column would pass them), and where
  // every other value is digits, a pattern that reports each of them.
  const scientific = c.scientificIds;
  if (scientific !== undefined) {
    note(`${profileLabels('en').scientificIds(scientific.count)}${scientific.digitsOnly ? '; the pattern reports each of them' : ''}`);
  }
  out.push(`    type: ${serials ? 'integer' : c.type === 'empty' || untidy !== undefined ? 'text' : c.type}`);
  if (scientific?.digitsOnly === true && recognised === undefined && untidy === undefined) out.push('    pattern: "^[0-9]+$"');
  if (c.type === 'number' && c.decimal === ',') out.push('    decimal: ","');
  if (c.type === 'date' && c.format !== undefined) out.push(`    format: ${yamlString(c.format)}`);
  if (c.type === 'enum') {
    const values = c.top.map((t) => t.value);
    const junk = enumJunk(values);
    const variants = values.filter((v, i) => !junk.includes(v) && values.slice(0, i).some((o) => fold(o) === fold(v)));
    if (junk.length > 0) note(`left out of values, as placeholders rather than codes: ${junk.map(yamlString).join(', ')}`);
    if (variants.length > 0) note(`left out of values, as variants of a more frequent value (case, accents, spaces): ${variants.map(yamlString).join(', ')}`);
    junk.push(...variants);
    out.push(`    values: [${c.top.filter((t) => !junk.includes(t.value)).map((t) => yamlString(t.value)).join(', ')}]`);
  }
  if (present > 0 && c.missing === 0) out.push('    required: true  # no missing value');
  // An optional text field would pass a column no row fills: required, so validation reports it; drop the line if
  // the column is optional by design.
  else if (present === 0 && c.cells > 0) out.push('    required: true  # empty in every row: a defect until the steward says the column is optional');
  if (c.distinct.exact && present >= 2 && c.distinct.count === present) out.push(`    unique: true  # all ${present} values distinct`);
  else if (!c.distinct.exact && c.distinct.count >= present * 0.98) note(`about ${c.distinct.count} distinct (an estimate): unique not suggested, the count is not exact`);
  if (c.personal) out.push(`    pii: true  # ${personalWhy(c, unnamed)}: masked in every output`);
  if (vn.length > 0) out.push(`    vn: [${vn.join(', ')}]`);
  return out;
}

// What exports write for "nothing" beyond `missingValues: vn`: learned into an enum, validation would pass them.
// Words that can be codes (`Không` of a yes/no column) are not here.
const PLACEHOLDERS = new Set(['0', 'x', 'X', '?', '.', '..', '...', 'none', 'None', 'NA', 'na', 'chưa rõ', 'Chưa rõ', 'không rõ', 'Không rõ']);

/**
 * The enum values that are placeholders: in `PLACEHOLDERS` and of a shape no other value has (`0` beside `Nam`, `Nữ`;
 * but a `0` among `1`, `2` or an `X` among `A`, `B` is a code).
 */
function enumJunk(values: readonly string[]): string[] {
  const junk = values.filter((v) => PLACEHOLDERS.has(v.trim()) && !values.some((o) => o !== v && shape(o) === shape(v)));
  // A column of nothing but `x` (ticked boxes) is a code list of one value.
  return junk.length === values.length ? [] : junk;
}

/** A value as its variants write it: no surrounding spaces, lower case, no accents (`đ` → `d`). */
function fold(v: string): string {
  return v.trim().normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Why a column is personal: its values are recognised as names or identifiers (or mostly are), else its name says so. */
function personalWhy(c: ColumnProfile, unnamed: boolean): string {
  if (c.recognised !== undefined && isPersonalRecogniser(c.recognised)) return `personal ${c.recognised === 'personName' ? 'names' : 'identifiers'}`;
  const best = c.recognisers.find((r) => r.formOnly !== true);
  if (best !== undefined && isPersonalRecogniser(best.name) && best.share >= 0.5) return `mostly ${RECOGNISER_LABELS[best.name]}`;
  if (unnamed) return 'no column name to judge by, and not recognised as codes';
  // A renamed column (`--rename "Ngày sinh=d1"`) is personal by its old name, which the profile no longer has.
  return personalColumnName(c.name) ? 'personal data, by the column\'s name' : 'personal data, by its name or by values shaped like IDs, e-mails or names';
}

function distinct(c: ColumnProfile): string {
  if (c.distinct.exact) return `${c.distinct.count} distinct`;
  return `about ${c.distinct.count} distinct (HyperLogLog estimate, ±${percent(c.distinct.standardError ?? 0)})`;
}

function typeLabel(c: ColumnProfile): string {
  if (c.type === 'date') return `dates in ${c.format ?? ''}`;
  if (c.type === 'number') return `numbers with a "${c.decimal ?? '.'}" decimal separator`;
  if (c.type === 'datetime') return 'ISO date-times';
  return `${c.type} values`;
}

/**
 * A share as a percentage with at most one decimal, rounded down so that 99.96% never shows as 100%.
 * @example percent(0.9965) // '99.6%'
 */
export function percent(share: number): string {
  return profilePercent(share, 'en');
}

/** The dataset's name: the file name without its extension (a definition needs one). */
function datasetName(source: string): string {
  const base = basename(source, extname(source)).trim().slice(0, MAX_NAME);
  return base === '' ? 'profiled' : base;
}

/** A YAML comment holds one line: line breaks and other controls become spaces. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}

/** A YAML double-quoted scalar: JSON's escapes, and those YAML needs besides (C1 controls, line separators). */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
