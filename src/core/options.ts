import { piiProtector } from './mask.js';
import type { Locale, PiiMode, ValidateOptions, Violation } from './types.js';

/** Validate options with defaults applied, shared by the validator, the emitter and the report. */
export interface ResolvedOptions {
  readonly now: Date;
  readonly locale: Locale;
  readonly maxSamples: number;
  readonly sink: ((v: Violation) => void) | undefined;
  readonly failUnder: number | undefined;
  readonly showValues: boolean;
  readonly protect: (text: string, mode: PiiMode) => string;
}

export function resolveOptions(o: ValidateOptions): ResolvedOptions {
  const now = o.now === undefined ? new Date() : new Date(o.now);
  if (Number.isNaN(now.getTime())) throw new Error(`ddss: invalid "now": ${String(o.now)}`);
  const maxSamples = o.maxSamplesPerRule ?? 100;
  if (!(Number.isInteger(maxSamples) && maxSamples >= 0)) {
    throw new Error(`ddss: maxSamplesPerRule must be a whole number ≥ 0, got ${maxSamples}`);
  }
  if (o.failUnder !== undefined && !(o.failUnder >= 0 && o.failUnder <= 1)) {
    throw new Error(`ddss: failUnder must be in [0, 1], got ${o.failUnder}`);
  }
  return {
    now,
    locale: o.locale ?? 'en',
    maxSamples,
    sink: o.onViolation,
    failUnder: o.failUnder,
    showValues: o.showValues ?? false,
    protect: piiProtector(o.piiKey),
  };
}
