/**
 * English messages of the built-in codes. `{name}` is filled from the finding's params; `{field}` and `{value}`
 * (already masked for personal data) are always available.
 */
export const en: Readonly<Record<string, string>> = {
  invalid_type: '{field}: "{value}" is not a valid {expected}',
  missing_value: '{field} is required but missing',
  pattern_mismatch: '{field}: "{value}" does not match the expected format {pattern}',
  matches_forbidden_pattern: '{field}: "{value}" matches the forbidden format {pattern}',
  not_in_set: '{field}: "{value}" is not one of the allowed values',
  forbidden_value: '{field}: "{value}" is not allowed',
  below_minimum: '{field}: {value} is below the minimum {min}',
  above_maximum: '{field}: {value} is above the maximum {max}',
  not_above_minimum: '{field}: {value} must be greater than {min}',
  not_below_maximum: '{field}: {value} must be less than {max}',
  too_short: '{field}: length {length} is shorter than {min}',
  too_long: '{field}: length {length} is longer than {max}',
  duplicate_value: '{field}: "{value}" appears in {count} records',
  surrounding_whitespace: '{field}: value has leading or trailing whitespace',
  not_nfc: '{field}: text is not in Unicode NFC form',
  future_date: '{field}: {value} is in the future',
  stale_record: '{field}: {value} is more than {maxAge} old; the record needs updating',
  too_few_rows: 'the table has {rows} records, fewer than the expected {min}',
  too_many_rows: 'the table has {rows} records, more than the expected {max}',
  stale_table: 'the newest {field} is {newest}, more than {maxAge} old; the table is not up to date',
  missing_expected_value: '{field}: expected value "{value}" does not appear in the table',
  overlapping_period: '{field}: the period overlaps another period of the same {entity}',
  not_in_reference: '{field}: "{value}" is not in the reference list {reference}',
  check_failed: '{field}: "{value}" fails check {rule}',
  schema_violation: '{path}: {detail}',
  missing_column: 'the declared column {field} is not in the header',
  unexpected_column: 'column {column} "{name}" is not declared in the dataset definition',
  delimiter_mismatch: 'the header is a single column holding "{delimiter}": the file seems to be separated by "{delimiter}"',
  blank_header: 'column {column} has a blank header',
  duplicate_header: 'header "{field}" appears again at column {column}',
  missing_cell: 'the record has {cells} cells, fewer than the {columns} columns; {field} is missing',
  extra_cell: 'the record has {cells} cells, more than the {columns} columns',
  blank_row: 'the record is blank',
  invalid_encoding: 'bytes at offset {offset} are not valid {encoding}',
  unclosed_quote: 'a quoted value is not closed before the end of the input',
  record_too_large: 'the record is larger than {maxBytes} bytes and was not read',
  control_character: '{field}: the value contains a control character (U+{codepoint})',
  header_invalid_encoding: 'header of column {column}: bytes at offset {offset} are not valid {encoding}',
  header_control_character: 'header of column {column} contains a control character (U+{codepoint})',
  repeated_header: 'the record repeats the header: it is not data (files joined together, or a report exported page by page)',
  zero_filled_tail: 'the file ends in {bytes} zero bytes from byte {offset}: it was probably cut short (a crash or an unfinished copy); the rows after that point are missing',
  mixed_line_endings: 'the file mixes line endings ({endings}), first at line {line}',
  non_object_element: 'the record is a {type}, not an object, and was not read',
  non_array_document: 'the JSON document is a single {type}, not an array of records; it was read as one record',
  duplicate_key: '{field}: key "{key}" appears more than once in the record; the last value is kept',
  invalid_json: 'the record is not valid JSON (byte {offset}): {detail}',
  leading_zero_number: '{field}: {value} (byte {offset}) is a number with a leading zero, which is not JSON; it is kept as the text "{value}" (quote it in the export)',
  too_deep: 'the record is nested deeper than {maxDepth} levels and was not read',
  empty: 'the input holds no data ({bytes} bytes); nothing in it could be evaluated',
  binary_input: 'the input is {format} data, not text; nothing in it could be evaluated',
  encoding_mismatch: 'the file looks like {likely}, not {declared} as declared: {evidence}',
  source_error: 'the source could not be read completely: {detail}',
  error_cell: '{field}: cell {cell} holds the Excel error {value}',
  formula_without_value: '{field}: cell {cell} holds the formula ={formula} with no saved result (recalculate and save the workbook in Excel)',
};

/**
 * English hints: a sentence a finding adds to its message when its source knows what to do about it (`recordsHint`).
 * `viHints` has the same keys and placeholders.
 */
export const enHints: Readonly<Record<string, string>> = {
  records_under_key: 'the records seem to be under "{records}" (an array of {objects} objects): pass {flag}',
  records_under_key_one: 'the records seem to be under "{records}" (an array of {objects} object): pass {flag}',
};
