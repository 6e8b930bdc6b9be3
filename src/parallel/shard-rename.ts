import { headerName } from '../core/rename.js';
import type { ShardHeader } from './shard-state.js';

/**
 * The rename a shard read its header line with, as one comparable text: its entries keyed by the header name a rename
 * matches (`headerName`) and sorted, so `--rename a=x --rename b=y` and the same flags in the other order, or a
 * column written with other spaces around it, compare equal. '' when the shard renamed nothing (and for input
 * without a header line: JSON, PostgreSQL).
 * @example shardRename(header) // '[["Mã thửa","parcel_id"]]'
 */
export function shardRename(s: ShardHeader): string {
  const rename = s.input.kind === 'csv' ? s.input.rename : undefined;
  if (rename === undefined) return '';
  const entries = Object.entries(rename).map(([from, to]) => [headerName(from), to] as const);
  if (entries.length === 0) return '';
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * How a shard read its header line, in words for a merge's refusal: `with the rename "Mã thửa=parcel_id"` or
 * `as written (no rename)`.
 * @example renameWords(header) // 'with the rename "Mã thửa=parcel_id", "Số CCCD=owner_id"' (`vi`: 'với cách đổi tên …')
 */
export function renameWords(s: ShardHeader, locale: 'en' | 'vi' = 'en'): string {
  const rename = s.input.kind === 'csv' ? s.input.rename : undefined;
  const entries = Object.entries(rename ?? {});
  const vi = locale === 'vi';
  if (entries.length === 0) return vi ? 'như đã viết (không đổi tên)' : 'as written (no rename)';
  const list = entries.map(([from, to]) => JSON.stringify(`${from}=${to}`)).join(', ');
  return vi ? `với cách đổi tên ${list}` : `with the rename ${list}`;
}
