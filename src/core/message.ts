import { en, enHints } from './messages/en.js';
import { vi, viHints } from './messages/vi.js';
import { shellWord } from './shell-word.js';
import type { Locale, LocalizedText } from './types.js';

const tables: Readonly<Record<Locale, Readonly<Record<string, string>>>> = { en, vi };

/** Per-code messages a rule package ships with its rules (e.g. the Vietnamese pack), in both locales. */
export type MessageTable = Readonly<Record<string, { readonly en: string; readonly vi: string }>>;

/**
 * Renders the message of a finding: the rule's own override, else the rule's code table, else the built-in table,
 * else the bare code. Unknown placeholders are left visible rather than dropped.
 */
export function renderMessage(
  code: string,
  params: Readonly<Record<string, unknown>>,
  locale: Locale,
  override?: LocalizedText,
  ruleMessages?: MessageTable,
): string {
  const template =
    (override === undefined ? undefined : typeof override === 'string' ? override : override[locale]) ??
    ruleMessages?.[code]?.[locale] ??
    tables[locale][code] ??
    tables.en[code] ??
    code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = Object.hasOwn(params, name) ? params[name] : undefined;
    return v === undefined || v === null ? whole : formatParam(v, locale);
  });
}

function formatParam(v: unknown, locale: Locale): string {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && v !== null && 'en' in v && 'vi' in v) return String((v as Record<Locale, unknown>)[locale]);
  if (Array.isArray(v)) return v.map((x) => formatParam(x, locale)).join(', ');
  return String(v);
}

/** The codes the core ships messages for, in both locales. */
export function builtinCodes(): string[] {
  return Object.keys(en);
}

/**
 * The sentence a JSON finding adds to its message when the document is one object holding an array of objects under
 * a key (`params.records`, the path to read them at, and `params.objects`, how many): what to pass to read them.
 * Undefined for any other finding. `option` is the command-line flag to name (`json-records-copy` for one input of
 * `compare`); the path is quoted for a shell when it needs to be.
 * @example
 * recordsHint({ records: 'data', objects: 2000 }, 'en'); // 'the records seem to be under "data" (an array of 2,000 objects): pass --json-records data'
 */
export function recordsHint(params: Readonly<Record<string, unknown>> | undefined, locale: Locale, option = 'json-records'): string | undefined {
  const records = params?.records;
  const objects = params?.objects;
  if (typeof records !== 'string' || typeof objects !== 'number') return undefined;
  const hints = locale === 'vi' ? viHints : enHints;
  const template = hints[objects === 1 ? 'records_under_key_one' : 'records_under_key'] as string;
  const values: Readonly<Record<string, string>> = { records, flag: `--${option} ${shellWord(records)}`, objects: objects.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US') };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The sentence a finding adds to its message when its rows were read through a view (`params.view`) whose query
 * reads `params.table` as `params.role`: a `row_security` warning of a view, where the policies filter for the
 * view's owner (or the reader of a security_invoker view), not necessarily the role that connected. Undefined for
 * any other finding.
 * @example
 * viewHint({ table: 'public.parcels', view: 'public.open_parcels', role: 'clerk' }, 'en'); // 'read through the view public.open_parcels, which reads public.parcels as role clerk'
 */
export function viewHint(params: Readonly<Record<string, unknown>> | undefined, locale: Locale): string | undefined {
  const values = { view: params?.view, table: params?.table, role: params?.role };
  if (typeof values.view !== 'string' || typeof values.table !== 'string' || typeof values.role !== 'string') return undefined;
  const template = (locale === 'vi' ? viHints : enHints).through_view as string;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name as keyof typeof values];
    return typeof v === 'string' ? v : whole;
  });
}

/**
 * The sentence a `missing_cell` or `extra_cell` finding adds when its record ran over more lines than its first
 * (`params.spans`, set by the CSV reader): a quote opened and not closed where it should be closes at the next
 * record's quoted value, and the records in between become part of one value, reported nowhere else. Undefined for
 * any other finding.
 * @example spansHint({ spans: 2 }, 'en'); // 'a quoted value of this record runs over 2 more lines: if a quote is not closed …'
 */
export function spansHint(params: Readonly<Record<string, unknown>> | undefined, locale: Locale): string | undefined {
  const spans = params?.spans;
  if (typeof spans !== 'number' || !(spans > 0)) return undefined;
  const hints = locale === 'vi' ? viHints : enHints;
  return (hints[spans === 1 ? 'spans_lines_one' : 'spans_lines'] as string)
    .replace('{spans}', spans.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US'));
}
