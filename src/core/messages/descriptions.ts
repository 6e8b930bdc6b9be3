/**
 * One line per rule name, in both languages: what the rule checks. Built from the rule's params where they say more
 * (bounds, ages); never from params quoting values (lists, patterns), which may be personal data.
 */
type P = Readonly<Record<string, unknown>>;
type Line = readonly [en: string, vi: string];
type Describe = (p: P) => Line;

const has = (p: P, k: string): boolean => p[k] !== undefined && p[k] !== null;
const s = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v) ?? '');
const fixed = (en: string, vi: string): Describe => () => [en, vi];

/** By rule name (the part after the last `.` of a dataset rule's name: `registered_at+issued.datesOrdered`). */
export const DESCRIPTIONS: Readonly<Record<string, Describe>> = {
  // generic
  type: (p) => [`the value is a valid ${s(p.expected ?? 'value')}`, `giá trị là ${s(p.expected ?? 'giá trị')} hợp lệ`],
  required: fixed('the value is filled in (not empty, blank or a placeholder)', 'giá trị được điền (không trống, không chỉ khoảng trắng hay ký hiệu thay thế)'),
  pattern: fixed('the value matches the required format (pattern)', 'giá trị đúng định dạng quy định (mẫu)'),
  notPattern: fixed('the value does not match a forbidden format (pattern)', 'giá trị không có định dạng bị cấm (mẫu)'),
  oneOf: fixed('the value is one of the allowed values', 'giá trị thuộc danh sách giá trị cho phép'),
  notOneOf: fixed('the value is not one of the forbidden values', 'giá trị không thuộc danh sách giá trị bị cấm'),
  min: (p) => [`the value is at least ${s(p.min)}`, `giá trị không nhỏ hơn ${s(p.min)}`],
  max: (p) => [`the value is at most ${s(p.max)}`, `giá trị không lớn hơn ${s(p.max)}`],
  length: (p) => has(p, 'max')
    ? [`the text is ${s(p.min)} to ${s(p.max)} characters long`, `văn bản dài từ ${s(p.min)} đến ${s(p.max)} ký tự`]
    : [`the text is at least ${s(p.min)} characters long`, `văn bản dài ít nhất ${s(p.min)} ký tự`],
  unique: (p) => Array.isArray(p.columns)
    ? [`no two records share the values of ${p.columns.map(s).join(', ')}`, `không có hai bản ghi trùng giá trị của ${p.columns.map(s).join(', ')}`]
    : ['no two records share the value', 'không có hai bản ghi trùng giá trị'],
  trimmed: fixed('the value has no spaces at its start or end', 'giá trị không có khoảng trắng ở đầu hoặc cuối'),
  nfc: fixed('the text is in composed Unicode (NFC)', 'văn bản ở dạng Unicode dựng sẵn (NFC)'),
  notInFuture: fixed('the date (or year) is not later than the day of the run', 'ngày (hoặc năm) không muộn hơn ngày kiểm tra'),
  within: (p) => [`the date is at most ${s(p.maxAge)} old`, `ngày không cũ hơn ${s(p.maxAge)}`],
  rowCount: (p) => has(p, 'max')
    ? [`the table has ${s(p.min)} to ${s(p.max)} records`, `bảng có từ ${s(p.min)} đến ${s(p.max)} bản ghi`]
    : [`the table has at least ${s(p.min)} record${p.min === 1 ? '' : 's'}`, `bảng có ít nhất ${s(p.min)} bản ghi`],
  freshness: (p) => [`the newest date of the table is at most ${s(p.maxAge)} old`, `ngày mới nhất của bảng không cũ hơn ${s(p.maxAge)}`],
  coverage: (p) => [`every one of the ${s(p.expected)} expected values appears in the table`, `đủ ${s(p.expected)} giá trị bắt buộc phải có đều xuất hiện trong bảng`],
  noOverlap: fixed('the periods of one entity do not overlap', 'các thời hạn của cùng một đối tượng không chồng lấn'),
  reference: (p) => [`the value is in the reference register ${s(p.reference)}`, `giá trị có trong danh mục tham chiếu ${s(p.reference)}`],
  schema: fixed('the record satisfies the zod schema', 'bản ghi thỏa lược đồ zod'),
  jsonSchema: fixed('the record satisfies the JSON Schema', 'bản ghi thỏa lược đồ JSON Schema'),
  verified: fixed('the record has been verified against the source documents', 'bản ghi đã được đối chiếu với hồ sơ gốc'),
  decimals: fixed('the number has no more decimals than allowed', 'số không có nhiều chữ số thập phân hơn mức cho phép'),
  // Vietnamese pack: identifiers
  cccd: fixed('a valid 12-digit citizen ID (CCCD): province, gender-century and birth-year digits', 'số CCCD 12 chữ số hợp lệ: mã tỉnh, mã giới tính-thế kỷ và năm sinh'),
  cccdPlausible: fixed('the citizen ID is not a placeholder (all zeros, a run of one digit)', 'số CCCD không phải số giả (toàn số 0, một chữ số lặp lại)'),
  cmnd: fixed('a 9-digit legacy identity card number (CMND)', 'số CMND 9 chữ số'),
  cmndRetired: fixed('the person is not known only by a retired CMND number', 'người không chỉ được định danh bằng số CMND đã hết hiệu lực'),
  mst: fixed('a valid tax code: 10 digits with a correct check digit, optional -NNN branch', 'mã số thuế hợp lệ: 10 chữ số đúng chữ số kiểm tra, có thể kèm -NNN đơn vị phụ thuộc'),
  mstDashed: fixed('a branch tax code is written with its dash (NNNNNNNNNN-NNN)', 'mã số thuế đơn vị phụ thuộc được viết có dấu gạch (NNNNNNNNNN-NNN)'),
  bhxh: fixed('a 10-digit social-insurance number', 'mã số BHXH 10 chữ số'),
  bhxhProvince: fixed('the social-insurance number starts with a known province code', 'mã số BHXH bắt đầu bằng mã tỉnh hợp lệ'),
  bhyt: fixed('a valid 15-character health-insurance card code', 'mã thẻ BHYT 15 ký tự hợp lệ'),
  bhytBenefitLevel: fixed('the card code has a valid benefit level', 'mã thẻ BHYT có mức hưởng hợp lệ'),
  bhytObjectCode: fixed('the card code has a known beneficiary group', 'mã thẻ BHYT có mã đối tượng hợp lệ'),
  phone: fixed('a valid Vietnamese phone number', 'số điện thoại Việt Nam hợp lệ'),
  phonePrefix: fixed('the mobile number does not use a retired prefix', 'số di động không dùng đầu số đã chuyển đổi'),
  postalCode: fixed('a 5-digit postal code', 'mã bưu chính 5 chữ số'),
  postalProvince: fixed('the postal code belongs to the record\'s province', 'mã bưu chính thuộc tỉnh của bản ghi'),
  // administrative units
  province: fixed('a known province code of the table in force', 'mã tỉnh có trong danh mục đang áp dụng'),
  provinceCurrent: fixed('the province code is still in force (not merged away)', 'mã tỉnh còn hiệu lực (chưa bị sáp nhập)'),
  commune: fixed('a known commune code of the table in force', 'mã xã có trong danh mục đang áp dụng'),
  communeCurrent: fixed('the commune code is still in force (not merged away)', 'mã xã còn hiệu lực (chưa bị sáp nhập)'),
  noDistrictLevel: fixed('no district-level unit after the two-level reform', 'không còn đơn vị cấp huyện sau khi bỏ cấp huyện'),
  // text
  vnName: fixed('the personal name has the shape of a name (letters, no digits, symbols or honorific)', 'họ tên có dạng họ tên (chữ cái, không chữ số, ký hiệu hay danh xưng)'),
  whitespace: fixed('the text has only ordinary single spaces (no tabs, no-break, invisible or doubled spaces)', 'văn bản chỉ có dấu cách thường, đơn (không tab, không dấu cách đặc biệt, vô hình hay liền nhau)'),
  legacyEncoding: fixed('the text is not in a legacy encoding (TCVN3, VNI) or mojibake', 'văn bản không ở bảng mã cũ (TCVN3, VNI) hay lỗi mã hóa'),
  // dates and cross-field
  excelSerial: fixed('the date is not an Excel serial number', 'ngày không phải số sê-ri ngày của Excel'),
  vnDate: fixed('the date is a valid Vietnamese-format date', 'ngày đúng định dạng ngày Việt Nam'),
  idBirthYear: fixed('the citizen ID agrees with the birth year', 'số CCCD khớp với năm sinh'),
  idGender: fixed('the citizen ID agrees with the gender', 'số CCCD khớp với giới tính'),
  verifyPerson: (p) => [`the personal ID is in the population register (reference ${s(p.register)})`, `số định danh cá nhân có trong CSDL quốc gia về dân cư (tham chiếu ${s(p.register)})`],
  'verifyPerson.name': (p) => [`the name matches the population register's (reference ${s(p.register)})`, `họ tên khớp với CSDL quốc gia về dân cư (tham chiếu ${s(p.register)})`],
  'verifyPerson.nameForm': (p) => [`the name is written as in the population register: diacritics, tone-mark placement (reference ${s(p.register)})`, `họ tên được viết như trong CSDL quốc gia về dân cư: dấu, vị trí dấu thanh (tham chiếu ${s(p.register)})`],
  'verifyPerson.birth': (p) => [`the birth year or date matches the population register's (reference ${s(p.register)})`, `năm sinh hoặc ngày sinh khớp với CSDL quốc gia về dân cư (tham chiếu ${s(p.register)})`],
  'verifyPerson.gender': (p) => [`the gender matches the population register's (reference ${s(p.register)})`, `giới tính khớp với CSDL quốc gia về dân cư (tham chiếu ${s(p.register)})`],
  'verifyPerson.deceased': (p) => [`the population register records no death on or before the day of the run (reference ${s(p.register)})`, `CSDL quốc gia về dân cư không ghi nhận người đã chết tính đến ngày kiểm tra (tham chiếu ${s(p.register)})`],
  bhytMatchesBhxh: fixed('the health-insurance card carries the social-insurance number', 'mã thẻ BHYT chứa đúng mã số BHXH'),
  childUnderSix: fixed('a child-under-six card belongs to a child under six (72 months)', 'thẻ trẻ em dưới 6 tuổi thuộc về trẻ dưới 72 tháng tuổi'),
  salaryInRange: fixed('the contribution salary is within the legal range of its date', 'tiền lương đóng nằm trong khung quy định tại thời điểm đó'),
  salaryInRangeProvisional: fixed('the contribution salary is within the provisional legal range', 'tiền lương đóng nằm trong khung quy định tạm thời'),
  cardNotExpired: fixed('the card has not expired on the day of the run', 'thẻ chưa hết hạn vào ngày kiểm tra'),
  cardPeriodOrdered: fixed('the card\'s validity starts before it ends', 'thời hạn thẻ có ngày bắt đầu trước ngày kết thúc'),
  datesOrdered: fixed('the dates are in order', 'các ngày theo đúng thứ tự'),
  oneBhxhPerId: fixed('one person (ID) has one social-insurance number', 'một người (số định danh) chỉ có một mã số BHXH'),
  // land
  landUseCode: fixed('a known land-use code', 'mã loại đất hợp lệ'),
  landUseCodeProvisional: fixed('a land-use code of the provisional table', 'mã loại đất thuộc danh mục tạm thời'),
  landUseCodeCurrent: fixed('the land-use code is in force (not replaced)', 'mã loại đất còn hiệu lực (chưa bị thay thế)'),
  landUseTerm: fixed('a valid land-use term', 'thời hạn sử dụng đất hợp lệ'),
  agriculturalTerm: fixed('an agricultural land term is within the legal maximum', 'thời hạn đất nông nghiệp không vượt mức tối đa'),
  residentialTermPermanent: fixed('residential land is held permanently', 'đất ở có thời hạn sử dụng lâu dài'),
  gcnSerial: fixed('the land certificate (GCN) serial has the usual form', 'số phát hành GCN đúng dạng thông thường'),
  vn2000: fixed('the VN-2000 coordinates are plausible (in range, not swapped, in metres)', 'tọa độ VN-2000 hợp lý (trong phạm vi, không đảo trục, đơn vị mét)'),
  // enterprises
  email: fixed('a valid e-mail address', 'địa chỉ thư điện tử hợp lệ'),
  emailDomainLowercase: fixed('the e-mail domain is written in lower case', 'tên miền thư điện tử viết thường'),
  unitCodeMatchesType: fixed('the code fits the type: 10 digits for an enterprise, 10 + 3 for a branch or office', 'mã số khớp loại hình: 10 số cho doanh nghiệp, 10 + 3 số cho chi nhánh, văn phòng đại diện'),
  capitalPositive: fixed('an enterprise has charter capital above 0', 'doanh nghiệp có vốn điều lệ lớn hơn 0'),
  statusDateRequired: fixed('a status other than active has its status date', 'trạng thái khác "đang hoạt động" có ngày chuyển trạng thái'),
  suspensionWithinYear: fixed('a suspension is at most one year old', 'thời gian tạm ngừng kinh doanh không quá một năm'),
  closedNotEdited: fixed('a dissolved or revoked record is not edited after its closure', 'bản ghi đã giải thể hoặc bị thu hồi không được sửa sau khi đóng'),
};

/**
 * What a rule checks, in both languages: from the table by its name, or a line naming the custom check and its kind.
 * @example describe('min', 'correct', { min: 0 }) // { en: 'the value is at least 0', vi: 'giá trị không nhỏ hơn 0' }
 */
export function describe(name: string, kind: 'field' | 'record' | 'table', params: P = {}): { en: string; vi: string } {
  const d = DESCRIPTIONS[name] ?? DESCRIPTIONS[name.slice(name.lastIndexOf('.') + 1)];
  if (d !== undefined) return { en: d(inLocale(params, 'en'))[0], vi: d(inLocale(params, 'vi'))[1] };
  if (kind === 'record') return { en: `custom check ${name} of each record`, vi: `kiểm tra tùy chỉnh ${name} trên từng bản ghi` };
  if (kind === 'table') return { en: `custom check ${name} of the whole table`, vi: `kiểm tra tùy chỉnh ${name} trên toàn bảng` };
  return { en: `custom check ${name} of the value`, vi: `kiểm tra tùy chỉnh ${name} trên giá trị` };
}

/** The params with every `{ en, vi }` value in one locale (durations, expected types). */
function inLocale(params: P, locale: 'en' | 'vi'): P {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = typeof v === 'object' && v !== null && 'en' in v && 'vi' in v ? (v as Record<string, unknown>)[locale] : v;
  }
  return out;
}

/**
 * What a compiled rule checks: its own `description`, else the line of its name (`type` and `required` for the two
 * rules every field has), with `table` telling a whole-table custom check from a per-record one.
 * @example describeRule({ kind: 'required', rule: undefined, params: undefined }, false).en // 'the value is filled in …'
 */
export function describeRule(slot: {
  readonly kind: string; readonly rule: { readonly name: string; readonly description?: string | { readonly en: string; readonly vi: string } } | undefined;
  readonly params: P | undefined;
}, table: boolean): string | { en: string; vi: string } {
  if (slot.rule?.description !== undefined) return slot.rule.description;
  const kind = slot.kind === 'record' ? 'record' : table ? 'table' : 'field';
  return describe(slot.rule?.name ?? slot.kind, kind, slot.params ?? {});
}
