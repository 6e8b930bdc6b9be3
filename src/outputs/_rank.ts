import { CRITERIA, type Criterion, type RuleResult, type RuleStatus, type Severity } from '../core/types.js';

/**
 * Rule statuses from most to least urgent (what a reader should look at first).
 * @example STATUS_RANK.error < STATUS_RANK.passed // true
 */
export const STATUS_RANK: Readonly<Record<RuleStatus, number>> = { error: 0, failed: 1, passed: 2, skipped: 3 };
/**
 * Severities from most to least serious.
 * @example SEVERITY_RANK.warning // 1
 */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
/**
 * Criteria in the order of the motto: đúng, đủ, sạch, sống.
 * @example CRITERION_RANK.live // 3
 */
export const CRITERION_RANK: Readonly<Record<Criterion, number>> = Object.fromEntries(
  CRITERIA.map((c, i) => [c, i]),
) as Record<Criterion, number>;

/** A rule with its position in the report, so links and stable sorts can refer to it. */
export interface IndexedRule {
  readonly rule: RuleResult;
  readonly index: number;
}

/**
 * The rules with the most failures first; ties by urgency of status (errored rules before passed ones), then by
 * report order, so the order is total and deterministic.
 * @example rulesByFailures(report.rules)[0]?.rule.id // the rule that failed most rows
 */
export function rulesByFailures(rules: readonly RuleResult[]): IndexedRule[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.failed - a.rule.failed || STATUS_RANK[a.rule.status] - STATUS_RANK[b.rule.status] ||
      a.index - b.index);
}

/**
 * The rules a reader must look at, in the order to look at them: rules that could not run first (their counts are
 * unknown), then failed rules with the most failures first. Failed `info` rules are left out.
 * @example attentionList(report.rules).slice(0, 10)
 */
export function attentionList(rules: readonly RuleResult[]): RuleResult[] {
  const ordered = rulesByFailures(rules).map((x) => x.rule).filter(needsAttention);
  return [...ordered.filter((r) => r.status === 'error'), ...ordered.filter((r) => r.status !== 'error')];
}

/**
 * Whether a rule needs attention: it failed (any severity but info) or could not run.
 * @example report.rules.filter(needsAttention)
 */
export function needsAttention(rule: RuleResult): boolean {
  return rule.status === 'error' || (rule.status === 'failed' && rule.severity !== 'info');
}
