import type { DatedTable } from './dated.js';

/**
 * Land-use type codes (mã loại đất) of one scheme: the codes a parcel's purpose may take, the aggregate (group)
 * codes that never are a parcel's purpose, and the codes of the previous scheme this one replaced.
 */
export interface LandUseCodeEntries {
  readonly agricultural: readonly string[];
  readonly nonAgricultural: readonly string[];
  readonly unused: readonly string[];
  /** Aggregates used in statistics (NNP, PNN, …): never a parcel's purpose. */
  readonly groups: readonly string[];
  /** Codes of the previous scheme that no longer exist, with the code that replaces each. */
  readonly replaced: Readonly<Record<string, string>>;
}

export type LandUseCodeTable = DatedTable<LandUseCodeEntries>;

/**
 * Scheme `2013` (Luật Đất đai 2013, codes of TT 27/2018/TT-BTNMT). Not listed in DOMAIN-VN: written from the
 * circular's annex as best known and **unverified** (`warnOnly`), so every finding resting on it is a warning, even
 * under `strict` (`landUseCodeProvisional`). HNK (other annual crops) is a parcel code here: certificates of the
 * period carry it, and BHK/NHK are its subdivisions.
 * @example parcelCodes(LAND_USE_CODES_2013).has('HNK') // true
 */
export const LAND_USE_CODES_2013: LandUseCodeTable = {
  version: '2013',
  validFrom: '2014-07-01',
  validTo: '2024-07-31',
  source: 'Luật Đất đai 2013 (45/2013/QH13); TT 27/2018/TT-BTNMT Phụ lục 01 (unverified transcription)',
  warnOnly: true,
  entries: {
    agricultural: ['LUC', 'LUK', 'LUN', 'HNK', 'BHK', 'NHK', 'CLN', 'RSX', 'RPH', 'RDD', 'NTS', 'LMU', 'NKH'],
    nonAgricultural: [
      'ONT', 'ODT', 'TSC', 'DTS', 'DVH', 'DXH', 'DYT', 'DGD', 'DTT', 'DKH', 'DNG', 'DSK', 'CQP', 'CAN', 'SKK', 'SKN',
      'SKT', 'TMD', 'SKC', 'SKS', 'SKX', 'DGT', 'DTL', 'DDT', 'DDL', 'DNL', 'DBV', 'DCH', 'DRA', 'DSH', 'DKV', 'TON',
      'TIN', 'NTD', 'SON', 'MNC', 'PNK',
    ],
    unused: ['BCS', 'DCS', 'NCS'],
    groups: ['NNP', 'SXN', 'CHN', 'LUA', 'LNP', 'PNN', 'OCT', 'CDG', 'CCC', 'CSD'],
    replaced: {},
  },
};

/**
 * Scheme `2024` (Luật Đất đai 2024, TT 08/2024/TT-BTNMT Phụ lục II), DOMAIN-VN §4.1.
 * @example LAND_USE_CODES_2024.entries.replaced.BHK // 'HNK'
 */
export const LAND_USE_CODES_2024: LandUseCodeTable = {
  version: '2024',
  validFrom: '2024-08-01',
  source: 'Luật Đất đai 2024 (31/2024/QH15); TT 08/2024/TT-BTNMT Phụ lục II (verify before freezing)',
  entries: {
    agricultural: ['LUC', 'LUK', 'HNK', 'CLN', 'RDD', 'RPH', 'RSX', 'NTS', 'CNT', 'LMU', 'NKH'],
    nonAgricultural: [
      'ONT', 'ODT', 'TSC', 'CQP', 'CAN', 'DVH', 'DXH', 'DYT', 'DGD', 'DTT', 'DKH', 'DMT', 'DKT', 'DNG', 'DSK', 'SKK',
      'SKN', 'SCT', 'TMD', 'SKC', 'SKS', 'DGT', 'DTL', 'DCT', 'DPC', 'DDD', 'DRA', 'DNL', 'DBV', 'DCH', 'DKV', 'DSH',
      'DCK', 'TON', 'TIN', 'NTD', 'SON', 'MNC', 'PNK',
    ],
    unused: ['BCS', 'DCS', 'NCS'],
    groups: ['NNP', 'SXN', 'CHN', 'LUA', 'LNP', 'PNN', 'OCT', 'CDG', 'CCC', 'CSD'],
    replaced: { BHK: 'HNK', NHK: 'HNK', LUN: 'LUK', DDT: 'DDD', DDL: 'DDD' },
  },
};

/**
 * Both schemes, for selection by date with `tableAt` (e.g. by a parcel's certificate issue date).
 * @example tableAt(landUseCodeTables, new Date('2020-05-01'))?.version // '2013'
 */
export const landUseCodeTables: readonly LandUseCodeTable[] = [LAND_USE_CODES_2013, LAND_USE_CODES_2024];

/**
 * The codes a parcel's purpose may take under a scheme (agricultural, non-agricultural and unused land).
 * @example parcelCodes(LAND_USE_CODES_2024).has('NNP') // false: a group code
 */
export function parcelCodes(table: LandUseCodeTable): ReadonlySet<string> {
  let set = parcelCodeCache.get(table);
  if (set === undefined) {
    const e = table.entries;
    set = new Set([...e.agricultural, ...e.nonAgricultural, ...e.unused]);
    parcelCodeCache.set(table, set);
  }
  return set;
}

const parcelCodeCache = new WeakMap<LandUseCodeTable, ReadonlySet<string>>();
