/** ddss/vn: Vietnamese identifiers, administrative units, land and insurance rules, with dated reference tables. */
export const vn = {};
