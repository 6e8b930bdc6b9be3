/**
 * File problems that leave nothing uncompared (mixed line endings, a blank line, a document that is one object,
 * merged cells of a sheet, whose cells are compared as stored): listed, but a copy with them can still equal its
 * source (`ddss fix` keeps line endings byte for byte). Any other problem, and a property outside the columns unless
 * `columns` names what to compare, makes the comparison different.
 */
const LOSSLESS: ReadonlySet<string> = new Set(['mixed_line_endings', 'blank_row', 'non_array_document', 'merged_cells']);

/**
 * Whether a file problem (a code of `sourceIssues`) loses nothing of what is compared, so that a copy with it can
 * still equal its source, and outputs list it as a note rather than as something not compared.
 * @example losesNothing('blank_row') // true
 * @example losesNothing('missing_cell') // false
 */
export function losesNothing(code: string): boolean {
  return LOSSLESS.has(code);
}
