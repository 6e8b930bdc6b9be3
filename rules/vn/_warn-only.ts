import type { RuleOptions, Severity } from '../../src/core/types.js';
import { orDefault } from '../../src/core/arg-kind.js';

/**
 * The options of a rule whose findings rest on facts DOMAIN-VN marks **[warn-only]** (an unverified table, an
 * announced figure): severity `warning` by default, and a requested `error` is refused with a definition error, since
 * the pack's promise is that such a finding is never an error. `basis` names the facts, for the message.
 * @example warnOnlyOptions('bhxhProvince', 'the issuing-province convention of BHXH numbers', options)
 */
export function warnOnlyOptions<O extends RuleOptions>(rule: string, basis: string, options: O): O & { readonly severity: Severity } {
  if (options.severity === 'error') {
    throw new Error(`ddss: vn.${rule} rests on ${basis}, which DOMAIN-VN marks [warn-only]: its findings are ` +
      `warnings, so severity 'error' is refused (pass verified tables of your own, where the rule takes them)`);
  }
  return { ...options, severity: orDefault<Severity>(options.severity, 'warning') };
}
