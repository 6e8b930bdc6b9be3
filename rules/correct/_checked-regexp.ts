import { backtrackingRisk } from '../../src/core/backtracking-risk.js';
import { stripSpaces } from '../../src/core/strip-spaces.js';

/**
 * The RegExp a pattern rule runs: refused when it can backtrack exponentially (JavaScript cannot interrupt a running
 * match, so one such cell would stall the run) unless `unsafe`, and without the global and sticky flags, whose
 * `lastIndex` would make a test depend on the calls before it. `rule` names the rule in the error.
 * @example checkedRegExp('pattern', /^\d+$/g, false) // /^\d+$/
 */
export function checkedRegExp(rule: string, re: RegExp, unsafe: boolean): RegExp {
  // A string (from JavaScript, or a config) failed deep in the analyser: "Cannot read properties of undefined".
  if (!(re instanceof RegExp)) {
    throw new TypeError(`ddss: ${rule} takes a RegExp (/^\\d{12}$/, or new RegExp(text)), got ${typeof re === 'string' ? `the string ${JSON.stringify(re)}` : typeof re}`);
  }
  const risk = unsafe ? undefined : backtrackingRisk(re.source, re.flags);
  if (risk !== undefined) {
    throw new Error(`ddss: ${rule} ${String(re)} can backtrack exponentially (${risk}); rewrite it, or pass { unsafe: true } to accept it`);
  }
  return re.global || re.sticky ? new RegExp(re.source, re.flags.replace(/[gy]/g, '')) : re;
}

/**
 * The text a pattern rule tests: numbers as their decimal text, strings as given or, with `trim`, without their
 * surrounding whitespace (`stripSpaces`, what `trimmed` reports).
 * @example patternText(true)('38239 ') // '38239'
 */
export function patternText(trim: boolean): (v: unknown) => string {
  return trim ? (v) => (typeof v === 'string' ? stripSpaces(v) : String(v)) : (v) => (typeof v === 'string' ? v : String(v));
}
