import type { TimeCondition, TimeFormat, TimePart, TimeSection } from './time-format.js';

/**
 * The text Excel shows for `days` (a serial: days and their fraction) in a time format (`timeFormat`): `36:30` for
 * 1.5208333 under `[h]:mm`. The value is rounded to the second, or to the fraction of a second the format shows, and
 * then cut to the units shown, as Excel shows it: 12:29:40 is `12:29` under `[h]:mm`, 12:29:59.6 is `12:30:00` under
 * `[h]:mm:ss`. Why round at all: a serial is a binary fraction of a day, so 12:30 is stored as 0.52083333333333337
 * and 36:30 as 1.5208333333333333, a hair under 131,400 seconds; cut without rounding they read 12:29:59, 36:29:59.
 * Why to the second and not to the unit shown: Excel cuts the units it shows (`TEXT(TIME(0,0,59),"h:mm")` is 0:00).
 * A negative value is written with a minus sign, unless a section of its own (`[h]:mm;"-"[h]:mm`) shows it.
 * @example timeText(36.5 / 24, timeFormat('[h]:mm')!) // '36:30'
 */
export function timeText(days: number, format: TimeFormat): string {
  const { section, signed } = sectionFor(format.sections, days);
  const digits = section.parts.reduce((d, p) => (p.kind === 'fraction' ? Math.max(d, p.digits) : d), 0);
  const scale = 10 ** digits;
  // Rounded to 15 significant digits first, all Excel keeps: 59.5 seconds computed as 59.49999999999999 is 59.5.
  const ticks = Math.round(Number((Math.abs(days) * 86_400 * scale).toPrecision(15)));
  const seconds = Math.floor(ticks / scale);
  const has = (kind: TimePart['kind']): boolean => section.parts.some((p) => p.kind === kind);
  const hours = has('hours');
  const minutes = has('minutes');
  const twelve = has('ampm');
  const clockHour = Math.floor(seconds / 3600) % 24;
  let text = signed && days < 0 ? '-' : '';
  for (const p of section.parts) {
    switch (p.kind) {
      case 'text': text += p.text; break;
      case 'ampm': text += clockHour < 12 ? p.am : p.pm; break;
      case 'fraction': text += String(ticks % scale).padStart(digits, '0').slice(0, p.digits); break;
      case 'hours': {
        const h = p.elapsed ? Math.floor(seconds / 3600) : twelve ? clockHour % 12 || 12 : clockHour;
        text += String(h).padStart(p.width, '0');
        break;
      }
      // The largest unit shown counts every one of its kind when it is elapsed (`[mm]:ss`), the others what is
      // left of the larger one.
      case 'minutes': {
        const m = p.elapsed && !hours ? Math.floor(seconds / 60) : Math.floor(seconds / 60) % 60;
        text += String(m).padStart(p.width, '0');
        break;
      }
      case 'seconds': {
        const s = p.elapsed && !hours && !minutes ? seconds : seconds % 60;
        text += String(s).padStart(p.width, '0');
        break;
      }
    }
  }
  return text;
}

/**
 * The section that shows `days`, and whether a minus sign goes before it. Conditions (`[<1]mm:ss;[h]:mm:ss`) pick the
 * first section whose condition holds, a section without one taking the rest; without conditions the sections are
 * `positive;negative;zero`, and the negative one shows the value without its sign. A section that shows no time
 * (`[h]:mm;;` hides zeros, `"-"`) is passed over for the first that does: a value the format hides is still a value,
 * and read as empty text it would be missing.
 */
function sectionFor(sections: readonly TimeSection[], days: number): { section: TimeSection; signed: boolean } {
  let chosen: TimeSection | undefined;
  let signed = true;
  if (sections.some((s) => s.condition !== undefined)) {
    chosen = sections.find((s) => s.condition === undefined || holds(s.condition, days));
  } else if (days < 0 && sections.length >= 2) {
    chosen = sections[1];
    signed = false;
  } else {
    chosen = days === 0 && sections.length >= 3 ? sections[2] : sections[0];
  }
  if (chosen === undefined || !showsTime(chosen)) {
    chosen = sections.find(showsTime) as TimeSection;
    signed = true;
  }
  return { section: chosen, signed };
}

function showsTime(s: TimeSection): boolean {
  return s.parts.some((p) => p.kind === 'hours' || p.kind === 'minutes' || p.kind === 'seconds');
}

function holds(c: TimeCondition, v: number): boolean {
  switch (c.op) {
    case '<': return v < c.value;
    case '<=': return v <= c.value;
    case '>': return v > c.value;
    case '>=': return v >= c.value;
    case '=': return v === c.value;
    case '<>': return v !== c.value;
  }
}
