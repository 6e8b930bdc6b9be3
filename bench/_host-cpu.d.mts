/** Types of bench/_host-cpu.mjs (plain JavaScript: the built-package measurement imports it without a TypeScript loader). */
export interface HostCpu { readonly busyMs: number; readonly stealMs: number }
export interface OtherWork { readonly otherMs: number; readonly stealMs: number }
export function hostCpu(): HostCpu | undefined;
export function otherWork(before: HostCpu | undefined, after: HostCpu | undefined, ownMs: number): OtherWork | undefined;
