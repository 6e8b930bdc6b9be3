import { compile } from '../core/compile.js';
import { INVALID, type DatasetDefinition, type FieldSpecData, type Locale } from '../core/types.js';

/**
 * How to follow "declare …" for a built-in dataset, which cannot be edited: lines of a definition file that extends
 * it and declares each field again with the keys the hints named — its type, its date format or separators, `required`,
 * `pii` (a personal field stays masked) and its own missing values —, to save and run with `--dataset`. A field
 * declared there replaces the built-in's own with its rules (docs/cli.md, `extends`), so a last line names the rules
 * of those fields the file must add back. The YAML lines are indented alike, which YAML reads as they are.
 * @example builtinDeclaration(landParcels, 'land-parcels', [{ name: 'gcn_issue_date', declare: 'format: yyyy-MM-dd' }])
 * // ['ddss: land-parcels is built in …', '    extends: land-parcels', '    fields:', '      gcn_issue_date: { type: date, format: yyyy-MM-dd }', …]
 */
export function builtinDeclaration(definition: DatasetDefinition, builtin: string,
  declared: ReadonlyArray<{ name: string; declare: string }>, locale: Locale = 'en'): string[] {
  const file = `my-${builtin}.yaml`;
  const vi = locale === 'vi';
  const lines = [
    vi ? `ddss: ${builtin} là định nghĩa có sẵn: để khai báo điều đó, hãy lưu các dòng này thành một tệp định nghĩa (${file}) và chạy với --dataset ${file}:`
      : `ddss: ${builtin} is built in: to declare that, save these lines as a definition file (${file}) and run with --dataset ${file}:`,
    `    extends: ${builtin}`,
    '    fields:',
    ...declared.map(({ name, declare }) => `      ${/^[A-Za-z_]\w*$/.test(name) ? name : JSON.stringify(name)}: { ${fieldKeys(definition, name, declare)} }`),
  ];
  const plan = compile(definition);
  const lost = plan.fields.filter((f) => declared.some((d) => d.name === f.name))
    .flatMap((f) => [...f.valueSlots, ...f.aggregateSlots].map((s) => s.id));
  if (lost.length > 0) {
    lines.push(vi ? `ddss: một trường được khai báo ở đó thay thế trường của định nghĩa có sẵn, cùng các quy tắc của nó: hãy thêm lại ` +
      `${lost.join(', ')} (\`ddss datasets --rules ${builtin}\` cho biết mỗi quy tắc kiểm tra gì; docs/cli.md, "Declarative ` +
      'definitions", cách viết chúng)'
      : `ddss: a field declared there replaces the built-in's own, with its rules: add back ${lost.join(', ')} (\`ddss ` +
      `datasets --rules ${builtin}\` says what each checks; docs/cli.md, "Declarative definitions", how to write them)`);
  }
  return lines;
}

/** The keys of a field as the built-in declares it, with those of `declare` (`format: …`, `type: datetime`) in place. */
function fieldKeys(definition: DatasetDefinition, name: string, declare: string): string {
  const spec = definition.fields[name] as FieldSpecData;
  const given = new Set([...declare.matchAll(/(?:^|, )(\w+):/g)].map((m) => m[1]));
  const keys: string[] = [];
  if (!given.has('type')) keys.push(`type: ${spec.type}`, ...notation(spec, given));
  keys.push(declare);
  if (spec.requiredRule !== undefined) keys.push('required: true');
  if (spec.privacy !== false) keys.push(`pii: ${spec.privacy === 'hash' ? 'hash' : 'true'}`);
  // The built-ins' dataset-level missing values already hold a field's own (`vn`): only other ones need writing.
  const own = spec.missingValues.filter((v) => !definition.missingValues.includes(v));
  if (!given.has('missingValues') && own.length > 0) keys.push(`missingValues: [${own.map((v) => JSON.stringify(v)).join(', ')}]`);
  return keys.join(', ');
}

/**
 * The field's own format or separators, kept when the hint names another key (`missingValues`): a date's `format`;
 * a number's `decimal` and `thousands`, told by what its parser reads, since the spec keeps only the parser.
 */
function notation(spec: FieldSpecData, given: ReadonlySet<string | undefined>): string[] {
  if (given.has('format') || given.has('decimal')) return [];
  if (spec.type === 'date' && spec.format !== undefined) return [`format: ${spec.format}`];
  if (spec.type !== 'number') return [];
  const reads = (text: string): boolean => spec.parse(text) !== INVALID;
  const comma = reads('1,5');
  const thousands = comma ? (reads('1.234,5') ? '.' : reads('1 234,5') ? ' ' : undefined)
    : (reads('1,234.5') ? ',' : reads('1 234.5') ? ' ' : undefined);
  return [...(comma ? ["decimal: ','"] : []), ...(thousands === undefined ? [] : [`thousands: '${thousands}'`])];
}
