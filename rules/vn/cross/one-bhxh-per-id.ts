import { aggregateRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { AggregateRule, DatasetFinding, RuleOptions, TypedRow } from '../../../src/core/types.js';
import { checkDuplicates, initDuplicates, locate, mergeDuplicates, repeatGroups, sightValue, type DuplicateState } from '../../clean/_duplicates.js';
import { idText } from './_values.js';
import { canonicalBhxh, canonicalCccd } from '../canonical.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

export interface OneBhxhPerIdFields {
  /** The personal ID column. */
  readonly id: string;
  /** The social-insurance number column. */
  readonly bhxh: string;
}

/** Mergeable, structured-clonable state: personal IDs in a sighting log, each sighting noting its BHXH number. */
export type OneBhxhPerIdState = DuplicateState;

const messages: MessageTable = {
  id_with_several_bhxh: {
    en: '{field}: the same personal ID ({id}) has {count} different social-insurance numbers; one person has one BHXH number',
    vi: '{field}: cùng một số định danh cá nhân ({id}) có {count} mã số BHXH khác nhau; mỗi người chỉ có một mã số BHXH',
  },
};

/**
 * One person, one social-insurance number (DOMAIN-VN §5, §7; clean): every row whose personal ID also appears with
 * another BHXH number fails with `id_with_several_bhxh` on the BHXH column — all rows of the person, the first
 * included, as duplicate rules count. The same ID repeated with the same BHXH number is not this rule's concern
 * (`uniqueBy`). IDs and BHXH numbers are compared in canonical form (`canonical.cccd`, `canonical.bhxh`: trimmed,
 * separators removed; a number is read with its leading zeros restored to 10 digits), and each finding shows the
 * row's own BHXH number. Rows missing either column are not counted. Mergeable across shards (rows shifted).
 * @example vn.oneBhxhPerId({ id: 'id_no', bhxh: 'bhxh_no' })
 */
export function oneBhxhPerId(fields: OneBhxhPerIdFields, options: RuleOptions = {}): AggregateRule<OneBhxhPerIdState, TypedRow> {
  return aggregateRule<OneBhxhPerIdState, TypedRow>({
    name: 'oneBhxhPerId', criterion: 'clean', code: 'id_with_several_bhxh', fields: [fields.id, fields.bhxh], messages,
    params: { id: fields.id }, quotingParams: [],
  }, {
    init: () => initDuplicates(true),
    add(state, row, ctx) {
      const id = idText(row[fields.id]);
      const raw = row[fields.bhxh];
      const bhxh = typeof raw === 'number' ? idText(raw)?.padStart(10, '0') : typeof raw === 'string' ? raw : undefined;
      if (id === undefined || bhxh === undefined || id === '' || stripSpaces(bhxh) === '') return;
      sightValue(state, canonicalCccd(id), ctx, bhxh);
    },
    merge: mergeDuplicates,
    check: checkDuplicates,
    finish(state) {
      const findings: DatasetFinding[] = [];
      for (const { members } of repeatGroups(state)) {
        const count = new Set(members.map((s) => canonicalBhxh(s.note as string))).size;
        if (count < 2) continue;
        for (const s of members) {
          findings.push({ code: 'id_with_several_bhxh', ...locate(s), field: fields.bhxh, value: s.note as string, params: { count } });
        }
      }
      findings.sort((x, y) => (x.row ?? 0) - (y.row ?? 0));
      return { checked: state.count, findings };
    },
  }, options);
}
