import type { TabularSource } from '../core/source.js';
import { INVALID, type DatasetDefinition, type FieldSpecData, type Parser, type Report } from '../core/types.js';
import { dateParser, numberParser, type NumberFormat } from '../core/parsers.js';
import { DATE_FORMATS } from '../profile/type-candidates.js';

/** Values looked at per field: enough to tell a format, few enough to cost nothing next to the run. */
const VALUES = 1000;

/** A way to read a column's text, as the hint names it and as a definition declares it. */
interface Reading {
  readonly name: string;
  readonly declare: string;
  readonly parse: Parser;
}

/** Number formats of the spreadsheets agencies export: Vietnamese (`1.234,5`), English (`1,234.5`), spaced. */
const NUMBER_FORMATS: readonly NumberFormat[] = [
  { decimal: ',' }, { decimal: ',', thousands: '.' }, { decimal: ',', thousands: ' ' },
  { decimal: '.', thousands: ',' }, { decimal: '.', thousands: ' ' },
];

/** The readings tried for a field of this spec: other date formats for a date, other separators for a number. */
function readings(spec: FieldSpecData): Reading[] {
  if (spec.type === 'date' && spec.format !== undefined) {
    return DATE_FORMATS.filter((f) => f !== spec.format).map((f) => ({ name: f, declare: `format: ${f}`, parse: dateParser(f) }));
  }
  if (spec.type === 'number') {
    return NUMBER_FORMATS.map((f) => {
      const keys = `decimal: '${f.decimal ?? '.'}'${f.thousands === undefined ? '' : `, thousands: '${f.thousands}'`}`;
      const name = `numbers with decimal "${f.decimal ?? '.'}"${f.thousands === undefined ? '' : ` and thousands "${f.thousands}"`}`;
      return { name, declare: keys, parse: numberParser(f) };
    });
  }
  return [];
}

/**
 * Hints for fields declared in one text format while the file writes another — a date field declared `yyyy-MM-dd`
 * over `29/11/2019`, a number field over `1.234,5` —: every such cell fails the field's type rule, and the summary says
 * only "not a valid date". For each date or number field whose type rule failed at least half the rows it checked,
 * the first 1,000 values of its column (read again from `source`, a fresh read of the input) are tried in the other
 * date formats a profile knows, or the decimal and thousands separators of agencies' spreadsheets; one that reads nine
 * in ten of them is named, with any other that reads as many (`dd/MM/yyyy` and `MM/dd/yyyy` when no day is past the
 * 12th). Values are never printed: only the format and the counts.
 * @example await formatHints(report, definition, openInput(…)) // ['ddss: gcn_issue_date is declared as date (yyyy-MM-dd), …']
 */
export async function formatHints(report: Report, definition: DatasetDefinition, source: TabularSource): Promise<string[]> {
  const fields = Object.entries(definition.fields).filter(([name, f]) => {
    const rule = report.rules.find((r) => r.id === `${name}.type`);
    return readings(f).length > 0 && rule !== undefined && rule.checked >= 2 && rule.failed * 2 >= rule.checked;
  });
  if (fields.length === 0) return [];
  const values = await firstValues(source, fields.map(([name]) => name));
  const hints: string[] = [];
  for (const [name, spec] of fields) {
    const list = values?.get(name) ?? [];
    if (list.length === 0) continue;
    const counts = readings(spec).map((r) => ({ r, read: list.filter((v) => r.parse(v) !== INVALID).length }));
    const best = Math.max(...counts.map((c) => c.read));
    if (best * 10 < list.length * 9) continue;
    // `d/M/yyyy` reads whatever `dd/MM/yyyy` does, `1.234,5` reads `5,5`: of readings that read the same values, the
    // first is named, and only a different order of day and month as an alternative.
    const shape = (f: string): string => f.replace(/dd/g, 'd').replace(/MM/g, 'M');
    const tied = counts.filter((c) => c.read === best).map((c) => c.r);
    const named = spec.type === 'date' ? tied.filter((r, i) => tied.findIndex((s) => shape(s.name) === shape(r.name)) === i) : tied.slice(0, 1);
    const first = named[0] as Reading;
    const failed = report.rules.find((r) => r.id === `${name}.type`)?.failed ?? 0;
    hints.push(`ddss: ${name} is declared as ${typeof spec.expected === 'string' ? spec.expected : spec.expected.en}, but ${best} of its first ${list.length} values read as ` +
      `${first.name}${named.length > 1 ? ` (or ${named.slice(1).map((r) => r.name).join(', ')})` : ''}: declare ${first.declare} ` +
      `(${failed} rows failed ${name}.type)`);
  }
  return hints;
}

/** The first 1,000 non-blank text values of each named column, or undefined when the input cannot be read. */
async function firstValues(source: TabularSource, names: readonly string[]): Promise<Map<string, string[]> | undefined> {
  const values = new Map<string, string[]>(names.map((n) => [n, []]));
  try {
    let columns: readonly string[] | undefined;
    for await (const batch of source.batches()) {
      columns = batch.columns ?? columns;
      for (const row of batch.rows) {
        for (const [name, list] of values) {
          const at = columns?.indexOf(name) ?? -1;
          const v = Array.isArray(row) ? (at < 0 ? undefined : row[at]) : (row as Record<string, unknown>)[name];
          if (typeof v === 'string' && v.trim() !== '' && list.length < VALUES) list.push(v.trim());
        }
        if ([...values.values()].every((l) => l.length >= VALUES)) return values;
      }
    }
  } catch {
    return undefined; // the run's own report says why the input cannot be read
  }
  return values;
}
