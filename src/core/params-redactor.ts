import { display } from './display.js';
import { redactor } from './mask.js';
import { formsRedactor, wordFolder } from './forms-redactor.js';
import type { Plan } from './compile.js';
import type { ResolvedOptions } from './options.js';
import type { Finding, PiiMode } from './types.js';

/** What an emitter redacts messages with: the current row's personal values, and a finding's params cleaned of them. */
export interface ParamsRedactor {
  /** The current row's personal values as text: what a message must not quote. */
  rowSecrets(): string[];
  /**
   * A finding's own params as its message quotes them (`current`: the finding is about the row being read, else a
   * dataset rule's finding at the end). `quoting`: the params its rule declares may quote the row
   * (`RuleBase.quotingParams`); undefined, every one.
   */
  findingParams(f: Finding, field: string | undefined, current: boolean,
    quoting?: readonly string[]): Finding['params'];
}

/** Redacts a text of personal values; `parts`: of their words and dates in other forms too (`formsRedactor`). */
type Cleaner = (text: string, parts: boolean) => string;

/**
 * Redaction of findings' params for one validator. A check may put a personal value in its params in any form
 * (`{ got: v.toUpperCase() }`), as in an error message: in a definition with personal fields they are redacted like
 * rules' error messages, of the row's personal values (for a finding of a dataset rule at the end, of the finding's
 * own value and suggestion when its field is personal) and of identifier-shaped digit runs. A check may also quote
 * part of a value (the given name of a full name) or a date re-written (`d.toISOString()`): the params a rule does not
 * declare free of the row (`quotingParams`: ddss's own rules declare theirs) are redacted of the values' words and
 * dates too. Redactors are built once per row (and per duplicate group), however many findings quote params, and
 * only when one does.
 * @example createParamsRedactor(plan, opts, ctx, (i) => row[i]).findingParams(finding, 'full_name', true)
 */
export function createParamsRedactor(plan: Plan, opts: ResolvedOptions, ctx: { readonly row: number },
  rawOf: (i: number) => unknown): ParamsRedactor {
  const piiFields = plan.fields.filter((f) => f.pii !== false).map((f) => f.index);
  const piiOf = (i: number): PiiMode | false => plan.fields[i]?.pii ?? false;
  let redactorRow = -1;
  let rowRedact: Cleaner | undefined;
  let ownRedact: { id: string; redact: Cleaner } | undefined;
  const fold = wordFolder();

  return { rowSecrets, findingParams };

  function rowSecrets(): string[] {
    return piiFields.map((i) => rawOf(i)).map((v) => (typeof v === 'string' ? v : display(v)))
      .filter((s): s is string => s !== undefined);
  }

  function maskText(s: string): string {
    return opts.protect(s, 'mask');
  }

  /** See {@link ParamsRedactor.findingParams}. */
  function findingParams(f: Finding, field: string | undefined, current: boolean,
    quoting?: readonly string[]): Finding['params'] {
    const params = f.params;
    if (params === undefined || opts.showValues || piiFields.length === 0) return params;
    let clean: Cleaner | undefined;
    const cleaner = () => (clean ??= current ? rowRedactor() : ownRedactor(f, field));
    let out: Record<string, unknown> | undefined;
    for (const [name, v] of Object.entries(params)) {
      // Not a list (a JavaScript caller's slip): every param, as when undeclared.
      const shownParam = redactParam(v, cleaner, !Array.isArray(quoting) || quoting.includes(name));
      if (shownParam !== v) (out ??= { ...params })[name] = shownParam;
    }
    return out ?? params;
  }

  /** The current row's redactor, built once per row however many of its findings have params. */
  function rowRedactor(): Cleaner {
    if (redactorRow !== ctx.row || rowRedact === undefined) {
      redactorRow = ctx.row;
      rowRedact = cleanerOf(rowSecrets());
    }
    return rowRedact;
  }

  /**
   * A redactor of a dataset rule's finding's own value and suggestion, when its field is personal (or unknown). A
   * number a table-level finding of no field gives as its value is a measure of the table (`rowCount`'s number of
   * records, which a baseline compares), not a value of a record: masking it made "the table has 2*** records".
   */
  function ownRedactor(f: Finding & { readonly row?: number }, field: string | undefined): Cleaner {
    const i = field === undefined ? undefined : plan.fieldIndex.get(field);
    const measure = field === undefined && f.row === undefined && typeof f.value === 'number';
    const own = (i === undefined || piiOf(i) !== false ? [measure ? undefined : f.value, f.suggestion] : [])
      .map((v) => (typeof v === 'string' ? v : display(v))).filter((s): s is string => s !== undefined);
    // The members of a duplicate group share their value: one redactor for them all.
    const id = own.join('\u0000');
    if (ownRedact === undefined || ownRedact.id !== id) ownRedact = { id, redact: cleanerOf(own) };
    return ownRedact.redact;
  }

  /** The values as a whole first (as rules' errors are redacted), then, when asked, their words and dates. */
  function cleanerOf(secrets: readonly string[]): Cleaner {
    const whole = redactor(secrets, maskText);
    const forms = formsRedactor(secrets, fold);
    return (text, parts) => (parts ? forms(whole(text)) : whole(text));
  }

  /**
   * A param as its message may quote it, redacted (`parts`: of the values' words and dates too). A number of one or
   * two digits (a count) is left as it is: a personal value that short would be redacted in every number of the
   * message.
   */
  function redactParam(v: unknown, cleaner: () => Cleaner, parts: boolean): unknown {
    if (Array.isArray(v)) {
      const out = v.map((x) => redactParam(x, cleaner, parts));
      return out.some((x, i) => x !== v[i]) ? out : v;
    }
    if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
      // Localised text ({ en, vi }) is quoted in the run's locale; any other object prints as [object Object].
      if (!('en' in v && 'vi' in v)) return v;
      const en = redactParam(v.en, cleaner, parts);
      const vi = redactParam(v.vi, cleaner, parts);
      return en === v.en && vi === v.vi ? v : { en, vi };
    }
    const text = typeof v === 'string' ? v : v instanceof Date ? display(v)
      : (typeof v === 'number' || typeof v === 'bigint') && (v >= 100 || v <= -100) ? String(v) : undefined;
    if (text === undefined || text === '') return v;
    const out = cleaner()(text, parts);
    // Unchanged text keeps its type (a number is still formatted as one).
    return out === text || out === text.normalize('NFC') ? v : out;
  }
}
