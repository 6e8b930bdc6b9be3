import type { MessageTable } from '../../../src/core/message.js';

/** The messages of `verifyPerson`'s codes. They never quote the register's values (the suggestion does, masked). */
export const PERSON_MESSAGES: MessageTable = {
  not_in_register: {
    en: '{field}: no person with this personal ID in the register {register}',
    vi: '{field}: không có công dân mang số định danh này trong CSDL {register}',
  },
  name_mismatch: {
    en: '{field}: "{value}" is not the name the register {register} holds for this personal ID',
    vi: '{field}: "{value}" không phải họ tên CSDL {register} ghi cho số định danh này',
  },
  name_diacritics_differ: {
    en: '{field}: "{value}" matches the name in the register {register} only without diacritics',
    vi: '{field}: "{value}" chỉ khớp với họ tên trong CSDL {register} khi bỏ dấu',
  },
  name_form_differs: {
    en: '{field}: "{value}" places a tone mark differently from the name in the register {register} (Hòa/Hoà)',
    vi: '{field}: "{value}" đặt dấu thanh khác với họ tên trong CSDL {register} (Hòa/Hoà)',
  },
  birth_year_mismatch: {
    en: '{field}: {value} is not the birth year the register {register} holds for this personal ID',
    vi: '{field}: {value} không phải năm sinh CSDL {register} ghi cho số định danh này',
  },
  birth_date_mismatch: {
    en: '{field}: {value} is not the date of birth the register {register} holds for this personal ID',
    vi: '{field}: {value} không phải ngày sinh CSDL {register} ghi cho số định danh này',
  },
  register_gender_unread: {
    en: '{field}: the register {register} writes this person\'s gender as "{held}", which its registerGenders do not list (default Nam / Nữ), so it cannot be compared',
    vi: '{field}: CSDL {register} ghi giới tính của người này là "{held}", không có trong registerGenders (mặc định Nam / Nữ), nên không đối chiếu được',
  },
  register_date_unread: {
    en: '{field}: the register {register} writes this person\'s {column} in a form that cannot be read (dd/MM/yyyy, yyyy-MM-dd or the year), so it cannot be compared',
    vi: '{field}: CSDL {register} ghi {column} của người này ở dạng không đọc được (dd/MM/yyyy, yyyy-MM-dd hoặc năm), nên không đối chiếu được',
  },
  gender_mismatch: {
    en: '{field}: "{value}" is not the gender the register {register} holds for this personal ID',
    vi: '{field}: "{value}" không phải giới tính CSDL {register} ghi cho số định danh này',
  },
  deceased_in_register: {
    en: '{field}: the register {register} records this person as deceased',
    vi: '{field}: CSDL {register} ghi nhận người này đã chết',
  },
};
