/**
 * A receiver (onViolation, onRecord, onChange) that holds every call on one gate: a run that waits for what its
 * receiver returns stops taking more until `open()`. `seen` is what it received so far.
 * @example const r = gatedReceiver<Violation>(); validate(def, rows, { onViolation: r.receive }); …; r.open();
 */
export function gatedReceiver<T>(): { readonly seen: T[]; open(): void; receive(x: T): Promise<void> } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => { open = resolve; });
  const seen: T[] = [];
  return { seen, open, receive: (x: T) => { seen.push(x); return gate; } };
}
