import { formatDuration, sub, type Duration } from 'date-fns';
import { vi } from 'date-fns/locale/vi';

/** A duration in words, in both locales, for messages ("365 days" / "365 ngày"). */
export function durationText(d: Duration): { en: string; vi: string } {
  return { en: formatDuration(d), vi: formatDuration(d, { locale: vi }) };
}

/** The instant `duration` before `nowMs` (calendar arithmetic: a month back from 31 March is 28/29 February). */
export function cutoff(nowMs: number, d: Duration): number {
  return sub(new Date(nowMs), d).getTime();
}

/** Caches the cutoff per `now`, since checks run per row and `now` is fixed for a run. */
export function cutoffCache(d: Duration): (nowMs: number) => number {
  let at = Number.NaN;
  let value = 0;
  return (nowMs) => {
    if (nowMs !== at) {
      at = nowMs;
      value = cutoff(nowMs, d);
    }
    return value;
  };
}
