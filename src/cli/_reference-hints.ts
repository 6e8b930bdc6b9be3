import type { TabularSource } from '../core/source.js';
import { INVALID, type DatasetDefinition, type Locale, type Report } from '../core/types.js';
import type { ForeignKeyRule } from '../../rules/correct/foreign-key.js';
import { keyPart } from '../reference/_key-text.js';
import type { Reference, ReferenceTable } from '../reference/reference.js';

/** Keys looked at per rule: enough to tell a pattern, few enough to cost nothing next to the run. */
const VALUES = 1000;

/** Ways the same key is written otherwise by two systems, as the hint names them (in English, then Vietnamese). */
const REWRITES: readonly { readonly name: string; readonly vi: string; readonly rewrite: (p: string) => string }[] = [
  { name: 'without leading zeros', vi: 'không có các chữ số 0 ở đầu', rewrite: (p) => p.replace(/^0+(?=\d)/, '') },
  { name: 'in lower case', vi: 'bằng chữ thường', rewrite: (p) => p.toLowerCase() },
  { name: 'in upper case', vi: 'bằng chữ hoa', rewrite: (p) => p.toUpperCase() },
  { name: 'in Unicode NFC', vi: 'ở dạng Unicode NFC', rewrite: (p) => p.normalize('NFC') },
  { name: 'in Unicode NFD', vi: 'ở dạng Unicode NFD', rewrite: (p) => p.normalize('NFD') },
  { name: 'without a leading apostrophe', vi: 'không có dấu nháy đơn ở đầu', rewrite: (p) => p.replace(/^'/, '') },
  { name: 'with a leading apostrophe (a spreadsheet\'s text marker)', vi: 'có dấu nháy đơn ở đầu (dấu đánh dấu văn bản của bảng tính)', rewrite: (p) => `'${p}` },
  { name: 'with full-width digits as ASCII', vi: 'với chữ số toàn độ rộng đổi thành ASCII', rewrite: (p) => p.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) },
  ...[2, 3, 4, 5, 6, 9, 10, 12].map((n) => ({ name: `with leading zeros to ${n} digits`, vi: `có thêm chữ số 0 ở đầu cho đủ ${n} chữ số`,
    rewrite: (p: string) => (/^\d+$/.test(p) ? p.padStart(n, '0') : p) })),
];

/**
 * Hints for a `foreignKey` rule (or `verifyPerson`'s lookup) that failed every row it checked: that reads as "all the data is wrong", while the
 * likely cause is the reference — a file with a header and no records, keys written otherwise (a spreadsheet dropped
 * their leading zeros, another case or Unicode form, an apostrophe), or a key column that holds something else. The
 * first 1,000 keys of the input (read again from `source`) are rewritten each way; a way under which nine in ten are in
 * the reference is named. Keys are never printed: only the rule, the reference, the columns and counts.
 * @example await referenceHints(report, def, references, openInput(…)) // ["ddss: every one of the 2 rows commune.reference checked …"]
 */
export async function referenceHints(report: Report, definition: DatasetDefinition,
  references: Readonly<Record<string, Reference>>, source: TabularSource): Promise<string[]> {
  const hints: string[] = [];
  for (const rule of definition.rules) {
    const b = (rule as Partial<ForeignKeyRule>).reference;
    // verifyPerson's six rules keep register columns: only its lookup (not_in_register) is a key not found, the
    // others' findings say what they compare. A register with no records or IDs written otherwise gave
    // not_in_register on every row without a word.
    if (b === undefined || (b.kept !== undefined && rule.code !== 'not_in_register')) continue;
    const result = report.rules.find((r) => r.id === (rule.id ?? rule.name));
    const ref = references[b.name];
    if (result === undefined || ref === undefined || result.status !== 'failed' || result.checked < 2 || result.failed < result.checked) continue;
    const table = await ref.load();
    if (table.error !== undefined) continue;
    const vi = report.locale === 'vi';
    const head = vi ? `ddss: không hàng nào trong ${result.checked} hàng ${result.id} đã kiểm tra có trong tham chiếu '${b.name}'`
      : `ddss: every one of the ${result.checked} rows ${result.id} checked is not in reference '${b.name}'`;
    if (table.size === 0) {
      hints.push(vi ? `${head}: tham chiếu không có khóa nào (${table.missingKeys === 0 ? 'một dòng tiêu đề và không có bản ghi'
        : `${table.missingKeys} bản ghi, không bản ghi nào có khóa ${table.key.join(', ')}`}); hãy kiểm tra tệp được cung cấp cho tham chiếu này`
        : `${head}: the reference holds no key (${table.missingKeys === 0 ? 'a header and no records'
        : `${table.missingKeys} record(s), none with its key ${table.key.join(', ')}`}); check the file given for it`);
      continue;
    }
    const keys = await firstKeys(source, definition, b.columns);
    if (keys === undefined || keys.length === 0) continue;
    const option = b.kept === undefined ? 'referenceColumns' : 'registerColumns';
    hints.push(`${head} (${table.size} ${vi ? 'khóa' : 'keys'}): ${explain(table, keys, b.columns, b.referenceColumns, option, report.locale)}`);
  }
  return hints;
}

function explain(table: ReferenceTable, keys: readonly (readonly string[])[], columns: readonly string[],
  referenceColumns: readonly string[] | undefined, option: string, locale: Locale): string {
  const vi = locale === 'vi';
  // The rule looks its key up in the order of the reference's key columns (see foreignKey): rewrite and look up alike.
  const order = referenceColumns === undefined ? columns.map((_, i) => i) : table.key.map((k) => referenceColumns.indexOf(k));
  for (const { name, vi: viName, rewrite } of REWRITES) {
    const read = keys.filter((k) => table.has(order.map((i) => rewrite(k[i] as string)))).length;
    if (read * 10 >= keys.length * 9) {
      return vi ? `${read} trong ${keys.length} khóa đầu tiên của ${columns.join(', ')} có trong đó khi được viết ${viName}: ` +
        'dữ liệu đầu vào và tham chiếu viết khóa theo cách khác nhau, chứ không phải mọi hàng đều sai'
        : `${read} of the first ${keys.length} keys of ${columns.join(', ')} are in it once written ${name}: ` +
        'the input and the reference write their keys differently, rather than every row being wrong';
    }
  }
  const named = table.key.map((c) => `'${c}'`).join(', ');
  return vi ? `cột khóa ${named} của nó có thể không chứa những gì ${columns.join(', ')} chứa: hãy kiểm tra tệp và ${option} của ` +
    'quy tắc trước khi kiểm tra dữ liệu'
    : `its key column${table.key.length === 1 ? '' : 's'} ${named} may not hold what ` +
    `${columns.join(', ')} holds: check the file and the rule's ${option} before the data`;
}

/** The first 1,000 keys of the input as the rule reads them (typed, then as key text), or undefined when unreadable. */
async function firstKeys(source: TabularSource, definition: DatasetDefinition, columns: readonly string[]):
  Promise<string[][] | undefined> {
  const keys: string[][] = [];
  try {
    let header: readonly string[] | undefined;
    for await (const batch of source.batches()) {
      header = batch.columns ?? header;
      for (const row of batch.rows) {
        const parts: string[] = [];
        for (const c of columns) {
          const at = header?.indexOf(c) ?? -1;
          const raw = Array.isArray(row) ? (at < 0 ? undefined : row[at]) : (row as Record<string, unknown>)[c];
          const spec = definition.fields[c];
          const typed = spec === undefined || raw === undefined ? raw : spec.parse(raw);
          const p = typed === INVALID ? undefined : keyPart(typed);
          if (p === undefined) break;
          parts.push(p);
        }
        if (parts.length === columns.length) keys.push(parts);
        if (keys.length >= VALUES) return keys;
      }
    }
  } catch {
    return undefined; // the run's own report says why the input cannot be read
  }
  return keys;
}
