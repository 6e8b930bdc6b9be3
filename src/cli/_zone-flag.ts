import { checkTimeZone } from '../core/time-zone.js';
import { usage } from './_errors.js';

/**
 * `--time-zone`: an IANA name the platform knows, else a usage error (in both languages).
 * @example zoneFlag('Asia/Ho_Chi_Minh') // 'Asia/Ho_Chi_Minh'
 */
export function zoneFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return checkTimeZone(value, 'timeZone');
  } catch {
    throw usage(`--time-zone must be an IANA time zone such as Asia/Ho_Chi_Minh or UTC, got "${value}"`,
      `--time-zone phải là một múi giờ IANA như Asia/Ho_Chi_Minh hoặc UTC, nhận được "${value}"`);
  }
}
