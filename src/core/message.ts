import { en } from './messages/en.js';
import { vi } from './messages/vi.js';
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
