/**
 * What each source code names, in Vietnamese, for the description of its rule `source.<code>` in reports ("tệp đầu
 * vào được đọc không có lỗi …"). Why: the Vietnamese description quoted the code itself (`missing_column`), which a
 * clerk reading the report in Vietnamese cannot read; the English one reads the code as words. A code not listed
 * (a custom source's) is quoted as it is.
 */
export const SOURCE_LABELS_VI: Readonly<Record<string, string>> = {
  missing_column: 'thiếu cột đã khai báo',
  unknown_column: 'quy tắc đọc cột không có',
  unexpected_column: 'cột không được khai báo',
  delimiter_mismatch: 'sai dấu phân cách',
  blank_header: 'tiêu đề cột trống',
  duplicate_header: 'tiêu đề cột lặp lại',
  header_form: 'tiêu đề cột viết ở dạng khác',
  missing_cell: 'thiếu ô',
  extra_cell: 'thừa ô',
  unbalanced_quote: 'dấu ngoặc kép không cân',
  stray_quote: 'dấu ngoặc kép trong giá trị không được viết đôi',
  unclosed_quote: 'dấu ngoặc kép không được đóng',
  blank_row: 'bản ghi trống',
  record_too_large: 'bản ghi quá lớn',
  repeated_header: 'dòng tiêu đề lặp lại',
  invalid_encoding: 'byte sai mã hóa',
  control_character: 'ký tự điều khiển',
  header_invalid_encoding: 'byte sai mã hóa trong tiêu đề',
  header_control_character: 'ký tự điều khiển trong tiêu đề',
  header_stray_quote: 'dấu ngoặc kép trong tiêu đề không được viết đôi',
  zero_filled_tail: 'phần cuối toàn byte 0 (tệp bị cắt)',
  mixed_line_endings: 'lẫn nhiều kiểu xuống dòng',
  non_object_element: 'phần tử không phải đối tượng',
  non_array_document: 'tài liệu JSON không phải mảng',
  duplicate_key: 'khóa JSON lặp lại',
  invalid_json: 'JSON không hợp lệ',
  leading_zero_number: 'số JSON có chữ số 0 đứng đầu',
  too_deep: 'bản ghi lồng quá sâu',
  empty: 'đầu vào trống',
  binary_input: 'đầu vào không phải văn bản',
  encoding_mismatch: 'sai bảng mã',
  row_security: 'chính sách bảo mật theo dòng',
  source_error: 'lỗi đọc nguồn',
  merged_cells: 'ô gộp',
  error_cell: 'ô chứa lỗi Excel',
  formula_without_value: 'công thức chưa có giá trị đã lưu',
};
