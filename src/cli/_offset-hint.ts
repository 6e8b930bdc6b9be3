import type { DatasetDefinition, Report } from '../core/types.js';
import { parseIsoDateTime } from '../core/date-format.js';

/** An ISO date-time that ends in a UTC offset or `Z`: an instant, whatever the time zone. */
const WITH_OFFSET = /(?:[zZ]|[+-]\d\d:?\d\d)$/;

/**
 * The hint for date-times in the future that were so only by the run's time zone: a date-time without an offset is
 * read as UTC (its documented reading), so a Vietnamese export writing wall-clock time puts the records of the last
 * 7 hours before the run in the future (`updated_at.notInFuture`). When every sampled finding of a datetime field's
 * `notInFuture` rule has no offset and is at most the zone's offset ahead of `now`, the hint says so. Nothing is read
 * again: the rule's samples are the evidence (none are kept with `--max-samples 0`, nor values of personal fields).
 * @example offsetHints(report, definition) // ['ddss: updated_at: the 6 date-times in the future (updated_at.notInFuture) have no UTC offset …']
 */
export function offsetHints(report: Report, definition: DatasetDefinition): string[] {
  const now = Date.parse(report.now);
  const offset = zoneOffsetMs(report.timeZone, now);
  if (!(offset > 0) || Number.isNaN(now)) return [];
  const hints: string[] = [];
  for (const [name, spec] of Object.entries(definition.fields)) {
    if (spec.type !== 'datetime') continue;
    const rule = report.rules.find((r) => r.id === `${name}.notInFuture`);
    if (rule === undefined || rule.failed === 0 || rule.samples.length === 0) continue;
    const local = rule.samples.every((s) => {
      if (typeof s.value !== 'string' || WITH_OFFSET.test(s.value)) return false;
      const ms = parseIsoDateTime(s.value);
      return ms > now && ms <= now + offset;
    });
    if (!local) continue;
    const which = rule.truncated ? `the ${rule.samples.length} shown of the ${rule.failed}` : `the ${rule.failed}`;
    hints.push(`ddss: ${name}: ${which} date-times in the future (${rule.id}) have no UTC offset and are within ` +
      `${offsetText(offset).slice(1)} of --now: a date-time without an offset is read as UTC; as the wall-clock time of ` +
      `${report.timeZone} (${offsetText(offset)}) they would not be in the future: write them with their offset`);
  }
  return hints;
}

/** How far the wall clock of `timeZone` is ahead of UTC at `ms` (negative west of Greenwich), in ms. */
function zoneOffsetMs(timeZone: string, ms: number): number {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    }).formatToParts(new Date(ms));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    return wall - Math.floor(ms / 60_000) * 60_000;
  } catch {
    return NaN;
  }
}

/** `+07:00` for 7 hours. */
function offsetText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return `${ms < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
