import type { DatasetDefinition, Locale, LocalizedText } from '../core/types.js';
import { compile } from '../core/compile.js';
import { describeRule } from '../core/messages/descriptions.js';
import { parse, choice } from './_args.js';
import { builtins } from './_builtins.js';
import { EXIT, usage } from './_errors.js';
import type { CliIo } from './_io.js';
import { DATASETS_HELP } from './help.js';

/**
 * `ddss datasets`: lists the built-in definitions with their title and how many fields and rules they have
 * (`--json` for a machine-readable list).
 * @example await datasets(['--json'], io) // prints [{"name":"land-parcels",…}], returns 0
 */
export async function datasets(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    json: { type: 'boolean' }, locale: { type: 'string' }, rules: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout.write(DATASETS_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw usage(`datasets takes no arguments, got "${positionals[0]}"`, `datasets không nhận đối số nào, nhận được "${positionals[0]}"`);
  const locale = choice('locale', values.locale, ['en', 'vi'] as const, 'en');
  if (values.rules !== undefined) return _rules(values.rules, locale, values.json === true, io);
  const rows = [...builtins().values()].map((d) => _summary(d, locale));
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  if (rows.length === 0) {
    io.stdout.write('No built-in datasets.\n');
    return EXIT.ok;
  }
  const table = [['NAME', 'FIELDS', 'RULES', 'TITLE'], ...rows.map((r) => [r.name, String(r.fields), String(r.rules), r.title])];
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((t) => (t[i] ?? '').length)));
  for (const t of table) {
    io.stdout.write(`${t.map((cell, i) => (i < 3 ? (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)) : cell)).join('  ')}\n`);
  }
  return EXIT.ok;
}

interface DatasetSummary {
  readonly name: string;
  readonly title: string;
  readonly fields: number;
  /** Rules the dataset checks besides each field's type: field rules, `required`, dataset rules. */
  readonly rules: number;
}

function _summary(d: DatasetDefinition, locale: Locale): DatasetSummary {
  const specs = Object.values(d.fields);
  const rules = specs.reduce((n, f) => n + f.rules.length + (f.requiredRule === undefined ? 0 : 1), 0) + d.rules.length;
  return { name: d.name, title: _text(d.title, locale), fields: specs.length, rules };
}

function _text(t: LocalizedText | undefined, locale: Locale): string {
  return t === undefined ? '' : typeof t === 'string' ? t : t[locale];
}

interface RuleLine {
  readonly id: string;
  readonly criterion: string;
  readonly severity: string;
  readonly field: string | null;
  readonly description: string;
}

/** `ddss datasets --rules NAME`: every rule of a built-in definition, with what it checks in the locale. */
function _rules(name: string, locale: Locale, json: boolean, io: CliIo): number {
  const def = builtins().get(name);
  if (def === undefined) throw usage(`no built-in dataset "${name}"; built-ins: ${[...builtins().keys()].join(', ')}`,
    `không có tập dữ liệu có sẵn "${name}"; các tập có sẵn: ${[...builtins().keys()].join(', ')}`);
  const lines: RuleLine[] = compile(def).slots.map((slot) => ({
    id: slot.id, criterion: slot.criterion, severity: slot.severity, field: slot.field,
    description: _text(describeRule(slot, slot.kind === 'aggregate' && slot.fieldIndex < 0 && slot.needs.length <= 1), locale),
  }));
  if (json) {
    io.stdout.write(`${JSON.stringify(lines, null, 2)}\n`);
    return EXIT.ok;
  }
  const table = [['RULE', 'CRITERION', 'SEVERITY', 'CHECKS'], ...lines.map((l) => [l.id, l.criterion, l.severity, l.description])];
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((t) => (t[i] ?? '').length)));
  for (const t of table) io.stdout.write(`${t.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ')}\n`);
  return EXIT.ok;
}
