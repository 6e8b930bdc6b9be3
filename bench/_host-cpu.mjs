import { readFileSync } from 'node:fs';

/**
 * The whole machine's CPU time so far (Linux: the `cpu` line of /proc/stat, in clock ticks of 10 ms, the USER_HZ of
 * /proc on every Linux the bench runs on), or undefined elsewhere. `busyMs` is every state but idle and I/O wait
 * (user, nice, system, irq, softirq); `stealMs` is time the hypervisor gave this virtual machine's cores to others.
 * Why: a measurement's own CPU time cannot show that another process took a core from it, and the load average
 * cannot tell the bench's own children (its build, its 2-thread runs) from other work.
 * @example const before = hostCpu(); work(); const after = hostCpu(); // after.busyMs - before.busyMs
 * @returns {{ busyMs: number, stealMs: number } | undefined}
 */
export function hostCpu() {
  let text;
  try {
    text = readFileSync('/proc/stat', 'utf8');
  } catch {
    return undefined;
  }
  const line = text.slice(0, text.indexOf('\n'));
  if (!line.startsWith('cpu ')) return undefined;
  const [user, nice, system, , , irq, softirq, steal] = line.slice(4).trim().split(/\s+/).map(Number);
  if (user === undefined || steal === undefined) return undefined;
  return { busyMs: (user + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0)) * 10, stealMs: steal * 10 };
}

/**
 * The CPU time the rest of the machine used while a measurement ran: the machine's busy time over the window less the
 * measurement's own CPU time (`ownMs`, every thread of the measuring process), never below 0 (the two are read at
 * slightly different moments, in 10 ms ticks), and the steal time over the window; undefined where /proc is not.
 * @example otherWork(before, hostCpu(), cpuMs) // { otherMs: 40, stealMs: 0 } on a quiet machine
 * @param {{ busyMs: number, stealMs: number } | undefined} before
 * @param {{ busyMs: number, stealMs: number } | undefined} after
 * @param {number} ownMs
 * @returns {{ otherMs: number, stealMs: number } | undefined}
 */
export function otherWork(before, after, ownMs) {
  if (before === undefined || after === undefined) return undefined;
  return { otherMs: Math.max(0, after.busyMs - before.busyMs - ownMs), stealMs: after.stealMs - before.stealMs };
}
