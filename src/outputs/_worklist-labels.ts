import { formatCount } from './_format.js';
import type { Locale } from '../core/types.js';

/** The words of the worklist page and of the report's graded-record tables, in one locale. Data is never translated. */
export interface WorklistLabels {
  readonly locale: Locale;
  readonly title: string;
  readonly heading: (column: string | undefined) => string;
  readonly gradesFile: string;
  readonly groups: string;
  readonly records: string;
  readonly someGroups: (shown: number, of: number) => string;
  readonly listed: (top: number) => string;
  readonly filter: string;
  readonly filterHint: string;
  readonly shown: string;
  readonly noMatch: string;
  readonly sortHint: string;
  readonly group: string;
  readonly emptyGroup: string;
  readonly otherGroups: string;
  readonly recordCount: (n: number) => string;
  readonly withFindings: string;
  readonly col: Readonly<Record<'row' | 'line' | 'key' | 'overall' | 'findings' | 'rules' | 'records' | 'withFindings' | 'mean' | 'worst', string>>;
  readonly worstHeading: string;
  readonly worstHint: (n: number) => string;
  readonly groupsHeading: (column: string) => string;
  readonly groupsCapped: (cap: number) => string;
}

const en: WorklistLabels = {
  locale: 'en',
  title: 'Worklist',
  heading: (c) => (c === undefined ? 'Records to fix' : `Records to fix by ${c}`),
  gradesFile: 'Grades file',
  groups: 'Groups',
  records: 'Records',
  someGroups: (shown, of) => `${formatCount(shown, 'en')} of ${formatCount(of, 'en')} (most records with findings)`,
  listed: (top) => `worst ${formatCount(top, 'en')} per group`,
  filter: 'Filter',
  filterHint: 'key, rule or group',
  shown: 'records shown',
  noMatch: 'No record matches the filter.',
  sortHint: 'Worst records first (lowest overall grade, then file order). Click a column heading to sort.',
  group: 'Group',
  emptyGroup: '(empty)',
  otherGroups: '(other groups)',
  recordCount: (n) => `${formatCount(n, 'en')} ${n === 1 ? 'record' : 'records'}`,
  withFindings: 'with findings',
  col: { row: 'Row', line: 'Line', key: 'Key', overall: 'Overall', findings: 'Findings', rules: 'Rules',
    records: 'Records', withFindings: 'With findings', mean: 'Mean grade', worst: 'Worst grade' },
  worstHeading: 'Worst records',
  worstHint: (n) => `The ${formatCount(n, 'en')} records with the lowest overall grade (ties in file order); keys masked as in every output.`,
  groupsHeading: (c) => `By ${c}`,
  groupsCapped: (cap) => `More than ${formatCount(cap, 'en')} groups: the rest are counted together as "(other groups)".`,
};

const vi: WorklistLabels = {
  locale: 'vi',
  title: 'Danh sách cần sửa',
  heading: (c) => (c === undefined ? 'Bản ghi cần sửa' : `Bản ghi cần sửa theo ${c}`),
  gradesFile: 'Tệp điểm',
  groups: 'Nhóm',
  records: 'Bản ghi',
  someGroups: (shown, of) => `${formatCount(shown, 'vi')} trên ${formatCount(of, 'vi')} (nhiều bản ghi có lỗi nhất)`,
  listed: (top) => `${formatCount(top, 'vi')} bản ghi kém nhất mỗi nhóm`,
  filter: 'Lọc',
  filterHint: 'khóa, quy tắc hoặc nhóm',
  shown: 'bản ghi đang hiển thị',
  noMatch: 'Không có bản ghi nào khớp bộ lọc.',
  sortHint: 'Bản ghi kém nhất trước (điểm chung thấp nhất, rồi theo thứ tự trong tệp). Bấm tiêu đề cột để sắp xếp.',
  group: 'Nhóm',
  emptyGroup: '(trống)',
  otherGroups: '(các nhóm khác)',
  recordCount: (n) => `${formatCount(n, 'vi')} bản ghi`,
  withFindings: 'có lỗi',
  col: { row: 'Hàng', line: 'Dòng', key: 'Khóa', overall: 'Điểm chung', findings: 'Số lỗi', rules: 'Quy tắc',
    records: 'Bản ghi', withFindings: 'Có lỗi', mean: 'Điểm trung bình', worst: 'Điểm thấp nhất' },
  worstHeading: 'Bản ghi kém nhất',
  worstHint: (n) => `${formatCount(n, 'vi')} bản ghi có điểm chung thấp nhất (bằng điểm thì theo thứ tự trong tệp); khóa được che như mọi đầu ra.`,
  groupsHeading: (c) => `Theo ${c}`,
  groupsCapped: (cap) => `Hơn ${formatCount(cap, 'vi')} nhóm: các nhóm còn lại được đếm chung là "(các nhóm khác)".`,
};

/**
 * The worklist words of one locale.
 * @example worklistLabels('vi').title // 'Danh sách cần sửa'
 */
export function worklistLabels(locale: Locale | undefined): WorklistLabels {
  return locale === 'vi' ? vi : en;
}
