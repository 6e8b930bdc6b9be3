import type { DatedTable } from '../tables/dated.js';

/** Postal-code prefix (first two digits) → the 2-digit province code (2008 scheme) it belongs to. */
export type PostalPrefixTable = ReadonlyMap<string, string>;

const RANGES: readonly (readonly [province: string, prefixes: string])[] = [
  ['01', '10 11 12 13 14'], ['02', '20'], ['04', '21'], ['06', '23'], ['08', '22'], ['10', '31'], ['11', '32'],
  ['12', '30'], ['14', '34'], ['15', '33'], ['17', '36'], ['19', '24'], ['20', '25'], ['22', '01 02'], ['24', '26'],
  ['25', '35'], ['26', '15'], ['27', '16'], ['30', '03'], ['31', '04 05'], ['33', '17'], ['34', '06'], ['35', '18'],
  ['36', '07'], ['37', '08'], ['38', '40 41 42'], ['40', '43 44'], ['42', '45'], ['44', '47'], ['45', '48'],
  ['46', '49'], ['48', '50'], ['49', '51 52'], ['51', '53'], ['52', '55'], ['54', '56'], ['56', '57'], ['58', '59'],
  ['60', '77'], ['62', '60'], ['64', '61'], ['66', '63 64'], ['67', '65'], ['68', '66'], ['70', '67'], ['72', '80'],
  ['74', '75'], ['75', '76'], ['77', '78'], ['79', '70 71 72 73 74'], ['80', '82 83'], ['82', '84'], ['83', '86'],
  ['84', '87'], ['86', '85'], ['87', '81'], ['89', '90'], ['91', '91 92'], ['92', '94'], ['93', '95'], ['94', '96'],
  ['95', '97'], ['96', '98'],
];

/**
 * The province prefixes of the 5-digit national postal code (QĐ 2475/QĐ-BTTTT, in force from 1/1/2018). The list
 * is compiled from VNPost's published ranges and is **unverified** against the decision's annex, which is why the
 * rule built on it (`postalProvince`) only warns (DOMAIN-VN §2.7). Pass your own table to override it.
 * @example POSTAL_PREFIXES_2018.entries.get('70') // '79' (TP Hồ Chí Minh)
 */
export const POSTAL_PREFIXES_2018: DatedTable<PostalPrefixTable> = {
  version: '2018-01-01',
  validFrom: '2018-01-01',
  source: 'QĐ 2475/QĐ-BTTTT (mã bưu chính quốc gia 5 chữ số); danh sách đầu mã theo VNPost, chưa đối chiếu phụ lục',
  warnOnly: true,
  entries: new Map(RANGES.flatMap(([province, prefixes]) => prefixes.split(' ').map((p) => [p, province] as const))),
};
