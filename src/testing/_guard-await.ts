import { onTestFinished } from 'vitest';

/**
 * Makes asynchronous matchers fail loudly when they are not awaited. An unawaited `expect(rows).toPassDataset(def)`
 * decides nothing inside its test: the test passes before the verdict exists, and a failure surfaces (if at all) as
 * an unhandled rejection after it. Each call is tracked; if nothing awaited it (`then`, `catch` or `finally` on what
 * it returned) by the end of the test, the test fails, naming the assertion and what its verdict would have been.
 * @example guardAwait(chai.Assertion.prototype, ['toPassDataset']);
 */
export function guardAwait(proto: object, names: readonly string[]): void {
  const methods = proto as Record<string, unknown>;
  for (const name of names) {
    const matcher = methods[name];
    if (typeof matcher !== 'function') throw new Error(`ddss/vitest: matcher ${name} is not registered`);
    // The method is replaced in place, so `.not`, `.soft` and chained flags keep working: `this` is the assertion.
    Object.defineProperty(proto, name, {
      configurable: true, writable: true, enumerable: false,
      value: function guarded(this: unknown, ...args: unknown[]): unknown {
        const result: unknown = Reflect.apply(matcher, this, args);
        return isThenable(result) ? tracked(Promise.resolve(result), name) : result;
      },
    });
  }
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';
}

function tracked(promise: Promise<unknown>, name: string): PromiseLike<unknown> & { catch: Promise<unknown>['catch']; finally: Promise<unknown>['finally'] } {
  let observed = false;
  // Made here, so the failure points at the line that forgot `await`.
  const unawaited = new Error(`ddss/vitest: expect(…).${name}(…) was not awaited`);
  try {
    onTestFinished(async () => {
      if (observed) return;
      const outcome = await promise.then(() => 'it would have passed', (e: unknown) =>
        `it would have failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''}`);
      unawaited.message = `ddss/vitest: expect(…).${name}(…) was not awaited, so the test ended before its verdict ` +
        `(${outcome}). Write \`await expect(…).${name}(…)\`.`;
      throw unawaited;
    });
    // The verdict reaches whoever awaits it, or the test's end: never an unhandled rejection besides.
    promise.catch(() => undefined);
  } catch {
    // Not inside a test (a describe body, a suite hook): no test to fail; an unawaited failure stays an unhandled
    // rejection, which vitest reports as an error of the run.
  }
  return {
    then(onFulfilled, onRejected) { observed = true; return promise.then(onFulfilled, onRejected); },
    catch(onRejected) { observed = true; return promise.catch(onRejected); },
    finally(onFinally) { observed = true; return promise.finally(onFinally); },
  };
}
