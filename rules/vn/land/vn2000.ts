import { recordRule } from '../../../src/core/rule-base.js';
import { NUMBERS, kindsByField } from '../../../src/core/field-kinds.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { Finding, RecordRule, RuleOptions } from '../../../src/core/types.js';

export interface Vn2000Fields {
  /** The northing column (Vietnamese "X"), metres. */
  readonly northField: string;
  /** The easting column (Vietnamese "Y"), metres. */
  readonly eastField: string;
}

/** Plausible VN-2000 coordinates in a 3° provincial zone (DOMAIN-VN §4.4), metres, inclusive. */
export const VN2000_BOUNDS = {
  east: { min: 330_000, max: 670_000 },
  north: { min: 940_000, max: 2_600_000 },
} as const;

const messages: MessageTable = {
  vn2000_axes_swapped: {
    en: '{field}: {value} belongs to the other axis: the northing (X) and easting (Y) columns look swapped',
    vi: '{field}: {value} thuộc trục còn lại: cột tọa độ X (hướng bắc) và Y (hướng đông) có vẻ bị đổi chỗ',
  },
  vn2000_in_millimetres: {
    en: '{field}: {value} is 1000 times too large for VN-2000 metres (entered in millimetres?)',
    vi: '{field}: {value} lớn gấp 1000 lần tọa độ VN-2000 tính bằng mét (nhập theo milimét?)',
  },
  vn2000_out_of_range: {
    en: '{field}: {value} is outside the plausible VN-2000 {axis} range {min}–{max} m',
    vi: '{field}: {value} nằm ngoài khoảng hợp lý của tọa độ VN-2000 theo hướng {axis} ({min}–{max} m)',
  },
};

const within = (v: number, b: { readonly min: number; readonly max: number }): boolean => v >= b.min && v <= b.max;
const plausible = (north: number, east: number): boolean => within(north, VN2000_BOUNDS.north) && within(east, VN2000_BOUNDS.east);

/**
 * VN-2000 cadastral coordinates (metres, 3° zone, false easting 500 km) are plausible for Vietnam
 * (DOMAIN-VN §4.4): easting 330,000–670,000, northing 940,000–2,600,000. Diagnoses, in this order: both columns
 * plausible once swapped → `vn2000_axes_swapped` on each column with the other's value as suggestion; both plausible
 * once divided by 1000 → `vn2000_in_millimetres` on each column; otherwise each implausible column →
 * `vn2000_out_of_range`. The ranges are disjoint, so a swap of plausible coordinates is always detected. Runs only on
 * rows where both columns hold numbers; suggestions are never applied.
 * Both must be integer or number fields: another type is refused when the dataset is defined.
 * @example vn.vn2000({ northField: 'x_north', eastField: 'y_east' }) // x 560000, y 1200000 → vn2000_axes_swapped
 */
export function vn2000(fields: Vn2000Fields, options: RuleOptions = {}): RecordRule {
  const { northField, eastField } = fields;
  return recordRule({
    name: 'vn2000', criterion: 'correct', code: 'vn2000_out_of_range', fields: [northField, eastField], messages,
    params: { north: northField, east: eastField }, quotingParams: [], fieldKinds: kindsByField([[northField, NUMBERS], [eastField, NUMBERS]]),
  }, (row) => {
    const north = row[northField];
    const east = row[eastField];
    if (typeof north !== 'number' || typeof east !== 'number') return undefined;
    if (plausible(north, east)) return undefined;
    if (plausible(east, north)) {
      return [
        { code: 'vn2000_axes_swapped', field: northField, value: north, suggestion: String(east) },
        { code: 'vn2000_axes_swapped', field: eastField, value: east, suggestion: String(north) },
      ];
    }
    if (plausible(north / 1000, east / 1000)) {
      return [
        { code: 'vn2000_in_millimetres', field: northField, value: north, suggestion: String(north / 1000) },
        { code: 'vn2000_in_millimetres', field: eastField, value: east, suggestion: String(east / 1000) },
      ];
    }
    const out: Finding[] = [];
    const n = VN2000_BOUNDS.north;
    const e = VN2000_BOUNDS.east;
    if (!within(north, n)) out.push({ code: 'vn2000_out_of_range', field: northField, value: north, params: { axis: { en: 'north (X)', vi: 'bắc (X)' }, min: n.min, max: n.max } });
    if (!within(east, e)) out.push({ code: 'vn2000_out_of_range', field: eastField, value: east, params: { axis: { en: 'east (Y)', vi: 'đông (Y)' }, min: e.min, max: e.max } });
    return out;
  }, options);
}
