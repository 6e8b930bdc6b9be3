import type { ShardHeader } from './shard-state.js';

/** A shard as `planShards` names it. */
interface NamedShard {
  readonly s: ShardHeader;
  readonly name: string;
}

/**
 * Why `shards` were not all checked against the same references, or undefined: a reference one shard read and
 * another did not, or read with other content (`--reference population=popA.csv` and `=popB.csv`), made a merged
 * report in which half the rows were checked against one register. Names the reference and the two shards; in
 * English and in Vietnamese (`merge --locale vi`). A state that records no references (written before they were
 * recorded) merges only with others alike.
 * @example referenceMismatch(named)?.en // 'part-1.ddss-state and part-2.ddss-state are states of different runs: other reference "population" (…)'
 */
export function referenceMismatch(shards: readonly NamedShard[]): { en: string; vi: string } | undefined {
  const [head] = shards;
  if (head === undefined) return undefined;
  const old = shards.find((n) => (n.s.references === undefined) !== (head.s.references === undefined));
  if (old !== undefined) {
    const [without, other] = head.s.references === undefined ? [head, old] : [old, head];
    return {
      en: `${without.name} records no references (it was written by a ddss that did not record them) and ${other.name} does: ` +
        'run every shard again with this ddss, with the same --reference files',
      vi: `${without.name} không ghi lại tệp tham chiếu nào (nó được ghi bởi một phiên bản ddss không ghi lại chúng) còn ` +
        `${other.name} thì có: hãy chạy lại mọi phần với ddss này, với cùng các tệp --reference`,
    };
  }
  const names = new Set(shards.flatMap((n) => (n.s.references ?? []).map((r) => r.name)));
  for (const name of [...names].sort()) {
    const other = shards.find((n) => fingerprint(n.s, name) !== fingerprint(head.s, name));
    if (other !== undefined) {
      return {
        en: `${head.name} and ${other.name} are states of different runs: other reference "${name}" (${head.name} ` +
          `${words(head.s, name)}, ${other.name} ${words(other.s, name)}): run every shard with the same --reference ${name}=FILE`,
        vi: `${head.name} và ${other.name} là trạng thái của các lần chạy khác nhau: khác tệp tham chiếu "${name}" (${head.name} ` +
          `${wordsVi(head.s, name)}, ${other.name} ${wordsVi(other.s, name)}): hãy chạy mọi phần với cùng --reference ${name}=FILE`,
      };
    }
  }
  return undefined;
}

function fingerprint(s: ShardHeader, name: string): string {
  return s.references?.find((r) => r.name === name)?.fingerprint ?? '';
}

/** How a shard read a reference, in words: `read one of 3842 keys (sha256:1f2e3d4c…)` or `had none`. */
function words(s: ShardHeader, name: string): string {
  const r = s.references?.find((x) => x.name === name);
  return r === undefined ? 'had none' : `read one of ${r.keys} keys (${r.fingerprint.slice(0, 15)}…)`;
}

/** {@link words} in Vietnamese: `đã đọc một tệp 3842 khóa (sha256:1f2e3d4c…)` or `không có`. */
function wordsVi(s: ShardHeader, name: string): string {
  const r = s.references?.find((x) => x.name === name);
  return r === undefined ? 'không có' : `đã đọc một tệp ${r.keys} khóa (${r.fingerprint.slice(0, 15)}…)`;
}
