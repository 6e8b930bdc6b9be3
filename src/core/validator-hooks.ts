import type { Hooks } from './codegen.js';
import type { CheckResult } from './types.js';

/**
 * The generated evaluator's callbacks. A class on purpose: every validator's hooks then share one hidden class and
 * one set of method functions, so the generated code's calls `h.fail(…)` keep a single target across validators.
 */
export class ValidatorHooks implements Hooks {
  readonly #impl: Hooks;
  constructor(impl: Hooks) {
    this.#impl = impl;
  }
  fail(ordinal: number, result: CheckResult): void {
    this.#impl.fail(ordinal, result);
  }
  error(ordinal: number, e: unknown): void {
    this.#impl.error(ordinal, e);
  }
  badWhen(ordinal: number, result: unknown): void {
    this.#impl.badWhen(ordinal, result);
  }
  held(ordinal: number): void {
    this.#impl.held(ordinal);
  }
}
