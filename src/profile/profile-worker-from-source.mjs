// Runs the TypeScript profile worker from sources (tests, tsx): registers tsx's loader in this thread, then loads it.
// The published build runs dist/profile-worker.js directly and never uses this file.
import { register } from 'tsx/esm/api';

register();
await import('./profile-worker.ts');
