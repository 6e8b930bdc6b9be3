import type { TabularSource } from '../core/source.js';
import { INVALID, type DatasetDefinition, type Report } from '../core/types.js';
import { dateParser } from '../core/parsers.js';
import { DATE_FORMATS } from '../profile/type-candidates.js';

/** Values looked at per date field: enough to tell a format, few enough to cost nothing next to the run. */
const VALUES = 1000;

/**
 * Hints for date fields declared in one format while the file writes another (`format: yyyy-MM-dd` over
 * `29/11/2019`): every such cell fails the field's type rule, and the summary says only "not a valid date". For each
 * date field whose type rule failed at least half the rows it checked, the first 1,000 values of its column (read
 * again from `source`, a fresh read of the input) are tried in the formats a profile knows; one that reads nine in ten
 * of them is named, with any other that reads as many (`dd/MM/yyyy` and `MM/dd/yyyy` when no day is past the 12th).
 * Values are never printed: only the format and the counts.
 * @example await dateFormatHints(report, definition, openInput(…)) // ['ddss: gcn_issue_date is declared … dd/MM/yyyy …']
 */
export async function dateFormatHints(report: Report, definition: DatasetDefinition, source: TabularSource): Promise<string[]> {
  const fields = Object.entries(definition.fields).filter(([name, f]) => {
    if (f.type !== 'date' || f.format === undefined) return false;
    const rule = report.rules.find((r) => r.id === `${name}.type`);
    return rule !== undefined && rule.checked >= 2 && rule.failed * 2 >= rule.checked;
  });
  if (fields.length === 0) return [];
  const values = new Map<string, string[]>(fields.map(([name]) => [name, []]));
  try {
    let columns: readonly string[] | undefined;
    reading: for await (const batch of source.batches()) {
      columns = batch.columns ?? columns;
      for (const row of batch.rows) {
        for (const [name, list] of values) {
          const at = columns?.indexOf(name) ?? -1;
          const v = Array.isArray(row) ? (at < 0 ? undefined : row[at]) : (row as Record<string, unknown>)[name];
          if (typeof v === 'string' && v.trim() !== '' && list.length < VALUES) list.push(v.trim());
        }
        if ([...values.values()].every((l) => l.length >= VALUES)) break reading;
      }
    }
  } catch {
    return []; // the run's own report says why the input cannot be read
  }
  const hints: string[] = [];
  for (const [name, spec] of fields) {
    const list = values.get(name) as string[];
    if (list.length === 0) continue;
    const counts = DATE_FORMATS.filter((f) => f !== spec.format).map((format) => {
      const parse = dateParser(format);
      return { format, read: list.filter((v) => parse(v) !== INVALID).length };
    });
    const best = Math.max(...counts.map((c) => c.read));
    if (best * 10 < list.length * 9) continue;
    // `d/M/yyyy` reads whatever `dd/MM/yyyy` does: of formats that differ only in padding, the first is named.
    const shape = (f: string): string => f.replace(/dd/g, 'd').replace(/MM/g, 'M');
    const formats = counts.filter((c) => c.read === best).map((c) => c.format)
      .filter((f, i, all) => all.findIndex((g) => shape(g) === shape(f)) === i);
    const rule = report.rules.find((r) => r.id === `${name}.type`);
    hints.push(`ddss: ${name} is declared as dates in ${spec.format ?? ''}, but ${best} of its first ${list.length} values ` +
      `read as ${formats[0]}${formats.length > 1 ? ` (or ${formats.slice(1).join(', ')})` : ''}: declare that format ` +
      `(${rule?.failed ?? 0} rows failed ${name}.type)`);
  }
  return hints;
}
