import type { Duration } from 'date-fns';
import type { RuleOptions } from '../core/types.js';
import type { DeclarativeFlag, DeclarativeRuleOptions } from './format.js';

/** The rule options of a file object, copied key by key (never spread: the object came from a file). */
export function ruleOptions(o: DeclarativeRuleOptions | boolean | undefined): RuleOptions {
  if (typeof o !== 'object' || o === null) return {};
  return {
    ...(o.id === undefined ? {} : { id: o.id }),
    ...(o.criterion === undefined ? {} : { criterion: o.criterion }),
    ...(o.severity === undefined ? {} : { severity: o.severity }),
    ...(o.threshold === undefined ? {} : { threshold: o.threshold }),
    ...(o.weight === undefined ? {} : { weight: o.weight }),
    ...(o.message === undefined ? {} : { message: typeof o.message === 'string' ? o.message : { en: o.message.en, vi: o.message.vi } }),
  };
}

/** Whether a flag modifier (`required: true`, `unique: { severity: warning }`) is on. */
export function isOn(flag: DeclarativeFlag | undefined): flag is true | DeclarativeRuleOptions {
  return flag === true || (typeof flag === 'object' && flag !== null);
}

const UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;

/** A date-fns Duration rebuilt from known units only. */
export function duration(d: Duration): Duration {
  const out: Record<string, number> = {};
  for (const u of UNITS) if (typeof d[u] === 'number') out[u] = d[u];
  return out as Duration;
}
