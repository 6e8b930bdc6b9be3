import type { Report } from '../core/types.js';

/**
 * The stderr line for a file whose every row lacks a cell under a blank header: most likely a header line ending with
 * a delimiter the rows do not have (`a,b,c,` over `1,2,3`), which an export writes for an empty last column. Each row
 * is then `missing_cell` (a sufficient error: the score says 0% with every declared value there) and nothing said
 * why. The findings stay (a missing cell is a finding, QUALITY.md invariant 5); the line says what they are. Judged
 * from the report: `blank_header` found, as many missing cells as rows or more, and none of the sampled ones under a
 * named column. Undefined for anything else.
 * @example trailingDelimiterHint(report) // 'ddss: each of the 2000 rows lacks a cell under a blank header …'
 */
export function trailingDelimiterHint(report: Report): string | undefined {
  const blank = report.rules.find((r) => r.id === 'source.blank_header');
  const missing = report.rules.find((r) => r.id === 'source.missing_cell');
  if (blank === undefined || missing === undefined || blank.failed === 0 || report.rows === 0) return undefined;
  if (missing.failed < report.rows || missing.samples.length === 0 || missing.samples.some((s) => s.field !== undefined)) return undefined;
  if (report.locale === 'vi') {
    return `ddss: mỗi hàng trong ${report.rows} hàng đều thiếu một ô dưới một tiêu đề trống (source.blank_header): dòng tiêu đề ` +
      'có vẻ kết thúc bằng một dấu phân cách mà các hàng không có, nên mọi hàng đều bị tính là thiếu một ô (source.missing_cell); ' +
      'hãy bỏ dấu phân cách đó khỏi dòng tiêu đề, hoặc thêm nó vào mọi hàng';
  }
  return `ddss: each of the ${report.rows} rows lacks a cell under a blank header (source.blank_header): the header line ` +
    'seems to end with a delimiter the rows do not have, so every row counts as missing a cell (source.missing_cell); ' +
    'remove that delimiter from the header line, or add it to every row';
}
