import type { DatasetDefinition, Locale } from '../core/types.js';

/**
 * The stderr line for fields a run groups records by (`--grades-columns`, what `worklist --by` groups; `--group-by`)
 * that are written masked: a masked cell is not the person's ("N***** V** V***" is Nguyễn Văn Việt and Nguyễn Văn
 * Vinh alike), and both grouped them as one without a word. Undefined when none is, or values are shown.
 * @example maskedGroupsLine(landParcels, ['owner_name'], false) // 'ddss: owner_name is personal and is grouped as written, masked: …'
 */
export function maskedGroupsLine(definition: DatasetDefinition, grouped: readonly string[], showValues: boolean,
  locale: Locale = 'en'): string | undefined {
  const masked = showValues ? [] : [...new Set(grouped)].filter((c) => definition.fields[c]?.privacy === 'mask');
  if (masked.length === 0) return undefined;
  if (locale === 'vi') {
    return `ddss: ${masked.join(', ')} là dữ liệu cá nhân và được nhóm theo giá trị đã che: bản ghi của những người khác nhau có ` +
      'giá trị che trùng nhau rơi vào cùng một nhóm (hiện giá trị bằng --show-values, hoặc khai báo pii: hash và cung cấp khóa)';
  }
  return `ddss: ${masked.join(', ')} ${masked.length === 1 ? 'is personal and is' : 'are personal and are'} grouped as ` +
    'written, masked: records of different people whose masks agree fall in one group (show values with --show-values, ' +
    'or declare pii: hash and give a key)';
}
