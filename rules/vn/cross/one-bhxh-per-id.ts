import { aggregateRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { AggregateRule, DatasetFinding, MergeOffset, RuleOptions, TypedRow } from '../../../src/core/types.js';
import { idText } from './_values.js';

export interface OneBhxhPerIdFields {
  /** The personal ID column. */
  readonly id: string;
  /** The social-insurance number column. */
  readonly bhxh: string;
}

/** Where a row was seen: enough to name it in a finding without keeping the row. */
interface Sighting {
  row: number;
  line: number | undefined;
  key: string | undefined;
}

/** Per personal ID: its distinct BHXH numbers, each with the rows it was seen on (parallel arrays). */
interface Entry {
  bhxh: string[];
  at: Sighting[][];
}

/** Mergeable, structured-clonable state. */
export interface OneBhxhPerIdState {
  ids: Map<string, Entry>;
  count: number;
}

const messages: MessageTable = {
  id_with_several_bhxh: {
    en: '{field}: the same personal ID ({id}) has {count} different social-insurance numbers; one person has one BHXH number',
    vi: '{field}: cùng một số định danh cá nhân ({id}) có {count} mã số BHXH khác nhau; mỗi người chỉ có một mã số BHXH',
  },
};

function see(entry: Entry, bhxh: string, sightings: readonly Sighting[]): void {
  const i = entry.bhxh.indexOf(bhxh);
  if (i < 0) {
    entry.bhxh.push(bhxh);
    entry.at.push([...sightings]);
  } else (entry.at[i] as Sighting[]).push(...sightings);
}

const shift = (s: Sighting, o: MergeOffset): Sighting =>
  ({ row: s.row + o.rows, line: s.line === undefined ? undefined : s.line + o.lines, key: s.key });

/**
 * One person, one social-insurance number (DOMAIN-VN §5, §7; clean): every row whose personal ID also appears with
 * another BHXH number fails with `id_with_several_bhxh` on the BHXH column — all rows of the person, the first
 * included, as duplicate rules count. The same ID repeated with the same BHXH number is not this rule's concern
 * (`uniqueBy`). IDs are compared as trimmed text, BHXH numbers too (a number is read with its leading zeros
 * restored to 10 digits). Rows missing either column are not counted. Mergeable across shards (rows shifted).
 * @example vn.oneBhxhPerId({ id: 'id_no', bhxh: 'bhxh_no' })
 */
export function oneBhxhPerId(fields: OneBhxhPerIdFields, options: RuleOptions = {}): AggregateRule<OneBhxhPerIdState, TypedRow> {
  return aggregateRule<OneBhxhPerIdState, TypedRow>({
    name: 'oneBhxhPerId', criterion: 'clean', code: 'id_with_several_bhxh', fields: [fields.id, fields.bhxh], messages,
    params: { id: fields.id },
  }, {
    init: () => ({ ids: new Map(), count: 0 }),
    add(state, row, ctx) {
      const id = idText(row[fields.id]);
      const raw = row[fields.bhxh];
      const bhxh = typeof raw === 'number' ? idText(raw)?.padStart(10, '0') : idText(raw);
      if (id === undefined || bhxh === undefined || id === '' || bhxh === '') return;
      state.count++;
      const here = { row: ctx.row, line: ctx.line, key: ctx.key() };
      const entry = state.ids.get(id);
      if (entry === undefined) state.ids.set(id, { bhxh: [bhxh], at: [[here]] });
      else see(entry, bhxh, [here]);
    },
    merge(a, b, offset) {
      for (const [id, entry] of b.ids) {
        const mine = a.ids.get(id) ?? { bhxh: [], at: [] };
        entry.bhxh.forEach((bhxh, i) => see(mine, bhxh, (entry.at[i] ?? []).map((s) => shift(s, offset))));
        a.ids.set(id, mine);
      }
      a.count += b.count;
      return a;
    },
    finish(state) {
      const findings: DatasetFinding[] = [];
      for (const entry of state.ids.values()) {
        if (entry.bhxh.length < 2) continue;
        entry.bhxh.forEach((bhxh, i) => {
          for (const s of entry.at[i] ?? []) {
            findings.push({
              code: 'id_with_several_bhxh', row: s.row, field: fields.bhxh, value: bhxh, params: { count: entry.bhxh.length },
              ...(s.line === undefined ? {} : { line: s.line }), ...(s.key === undefined ? {} : { key: s.key }),
            });
          }
        });
      }
      findings.sort((x, y) => (x.row ?? 0) - (y.row ?? 0));
      return { checked: state.count, findings };
    },
  }, options);
}
