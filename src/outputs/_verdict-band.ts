import { scoreBand, type Band } from './_format.js';
import type { Criterion, Report, RuleResult } from '../core/types.js';

const ORDER: Readonly<Record<Band, number>> = { poor: 0, fair: 1, good: 2, none: 3 };

/** The worse of a score's band and the band a verdict allows (`none` stays `none`: nothing measured). */
function capped(band: Band, cap: Band): Band {
  return band === 'none' ? band : ORDER[cap] < ORDER[band] ? cap : band;
}

/**
 * The colour of the overall gauge: the score's band, never better than the dataset's verdict allows (failed: red;
 * warned: at most amber; could not evaluate: grey), so a failing dataset is never drawn green.
 * @example overallBand({ ...report, score: 0.99, status: 'failed' }) // 'poor'
 */
export function overallBand(report: Report): Band {
  const band = scoreBand(report.score);
  if (report.status === 'failed') return capped(band, 'poor');
  if (report.status === 'error') return 'none';
  return report.status === 'warned' ? capped(band, 'fair') : band;
}

/**
 * The colour of a criterion's gauge: red when one of its `error` rules failed or could not run, at most amber when
 * one of its `warning` rules failed or its score is below the run's `failUnder`, else the score's band.
 * @example criterionBand(report, 'correct')
 */
export function criterionBand(report: Report, c: Criterion): Band {
  const band = scoreBand(report.criteria[c].score);
  const rules = report.rules.filter((r) => r.criterion === c);
  if (rules.some((r) => r.status === 'error' || (r.status === 'failed' && r.severity === 'error'))) return capped(band, 'poor');
  const score = report.criteria[c].score;
  const below = report.failUnder !== undefined && score !== null && score < report.failUnder;
  if (below || rules.some((r) => r.status === 'failed' && r.severity === 'warning')) return capped(band, 'fair');
  return band;
}

/**
 * The colour of a rule's pass-rate bar: a failed rule is red (`error`) or amber (`warning`, `info`) whatever its
 * rate; a passed rule takes the rate's band.
 * @example ruleBand({ ...rule, status: 'failed', severity: 'error', passRate: 0.99 }) // 'poor'
 */
export function ruleBand(rule: RuleResult): Band {
  const band = scoreBand(rule.passRate);
  if (rule.status !== 'failed') return band;
  return capped(band, rule.severity === 'error' ? 'poor' : 'fair');
}
