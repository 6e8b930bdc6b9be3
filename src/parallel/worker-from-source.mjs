// Runs the TypeScript worker from sources (tests, tsx): registers tsx's loader in this thread, then loads it.
// The published build runs dist/worker.js directly and never uses this file.
import { register } from 'tsx/esm/api';

register();
// This thread now imports TypeScript natively: definition modules load as the caller's thread loaded them.
globalThis[Symbol.for('ddss.native-typescript')] = true;
await import('./worker.ts');
