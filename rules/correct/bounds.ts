import { valueRule } from '../../src/core/rule-base.js';
import type { RuleContext, RuleOptions, ValueRule } from '../../src/core/types.js';
import { WallClockDate } from '../../src/core/wall-clock-date.js';
import { wallClockReader } from '../../src/core/wall-clock.js';

export interface BoundOptions extends RuleOptions {
  /** Exclude the bound itself (`> 0` rather than `≥ 0`). */
  readonly exclusive?: boolean;
}

type Bound = number | Date;

function measure(v: unknown): number {
  return v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Number.NaN;
}

/**
 * A bound's ms in the run: a `WallClockDate` bound (a date-time without an offset in a definition file) is the
 * wall-clock time of the run's time zone, as the datetime values it bounds are; any other bound is the same in every
 * run (undefined: no lookup needed). The last zone's instant is remembered: a run has one zone.
 */
function zonedBound(bound: Bound): ((ctx: RuleContext) => number) | undefined {
  if (!(bound instanceof WallClockDate)) return undefined;
  const wall = bound.getTime();
  let zone = 'UTC';
  let ms = wall;
  return (ctx) => {
    if (ctx.timeZone !== zone) {
      zone = ctx.timeZone;
      ms = wallClockReader(zone)?.(wall) ?? wall;
    }
    return ms;
  };
}

function label(b: Bound): string {
  // An invalid Date threw RangeError "Invalid time value" here, before the field's check could name the mistake.
  return b instanceof Date && !Number.isNaN(b.getTime()) ? b.toISOString().slice(0, 10) : String(b);
}

/**
 * A number or date is at least `bound` (more than it, with `exclusive`). Missing values are not checked; a value
 * that is neither a number nor a date fails.
 * @example field.number().min(0, { exclusive: true }) // area must be > 0
 */
export function min(bound: Bound, options: BoundOptions = {}): ValueRule {
  const b = measure(bound);
  const ex = options.exclusive === true;
  const zoned = zonedBound(bound);
  return valueRule({ options: { exclusive: true }, name: 'min', criterion: 'correct', code: ex ? 'not_above_minimum' : 'below_minimum',
    params: { min: label(bound) }, fingerprint: b },
  zoned === undefined ? (v) => {
    const x = measure(v);
    return ex ? x > b : x >= b;
  } : (v, ctx) => {
    const x = measure(v);
    return ex ? x > zoned(ctx) : x >= zoned(ctx);
  }, options);
}

/**
 * A number or date is at most `bound` (less than it, with `exclusive`). Missing values are not checked.
 * @example field.integer().max(150)
 */
export function max(bound: Bound, options: BoundOptions = {}): ValueRule {
  const b = measure(bound);
  const ex = options.exclusive === true;
  const zoned = zonedBound(bound);
  return valueRule({ options: { exclusive: true }, name: 'max', criterion: 'correct', code: ex ? 'not_below_maximum' : 'above_maximum',
    params: { max: label(bound) }, fingerprint: b },
  zoned === undefined ? (v) => {
    const x = measure(v);
    return ex ? x < b : x <= b;
  } : (v, ctx) => {
    const x = measure(v);
    return ex ? x < zoned(ctx) : x <= zoned(ctx);
  }, options);
}
