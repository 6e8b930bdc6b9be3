import type { DatasetDefinition } from '../core/types.js';
import type { ShardHeader } from './shard-state.js';

/** Where a merge's definition came from, for messages: the `--dataset` the shards recorded, or one given to the merge. */
export interface DefinitionSpec {
  /** As the shards recorded it or the merge was given it (a built-in name or a path). */
  readonly spec: string;
  /** Taken from the states (no `--dataset` given to the merge). */
  readonly recorded: boolean;
}

/**
 * The refusal of a shard whose definition signature is not the definition's, in words that name what the user did:
 * with the definition taken from the states and the shard run with that very file, the file changed since they ran
 * (it said "not of the definition "land-parcels" given" of a merge given no definition); otherwise the shard is of
 * another definition, and the message says where the merge's came from. In English and in Vietnamese (`merge
 * --locale vi`).
 * @example definitionMismatch('a1.ddss-state', header, def, { spec: 'def.yaml', recorded: true }).en
 */
export function definitionMismatch(name: string, s: ShardHeader, definition: DatasetDefinition, from: DefinitionSpec | undefined):
  { en: string; vi: string } {
  const same = s.dataset.name === definition.name;
  // The shard ran the very file loaded, which no longer gives its signature: the file changed since.
  if (from?.recorded === true && s.dataset.spec === from.spec) {
    const now = same ? `another version of dataset "${definition.name}"` : `dataset "${definition.name}", not "${s.dataset.name}"`;
    const nowVi = same ? `một phiên bản khác của tập dữ liệu "${definition.name}"` : `tập dữ liệu "${definition.name}", không phải "${s.dataset.name}"`;
    return {
      en: `${name} was run with the definition ${from.spec} (the --dataset the shards recorded), which now holds ${now}: it ` +
        'changed since the shards ran; run them again with it, or give merge --dataset the definition they ran',
      vi: `${name} đã được chạy với định nghĩa ${from.spec} (--dataset mà các phần đã ghi lại), nay là ${nowVi}: định nghĩa ` +
        'đã thay đổi kể từ khi các phần chạy; hãy chạy lại các phần với nó, hoặc cho lệnh merge --dataset là định nghĩa các phần đã chạy',
    };
  }
  const of = `${name} is a state of ${same ? 'another version of ' : ''}dataset "${s.dataset.name}"`;
  const ofVi = `${name} là trạng thái của ${same ? 'một phiên bản khác của ' : ''}tập dữ liệu "${s.dataset.name}"`;
  if (from?.recorded === true) {
    return { en: `${of}, not of "${definition.name}", the --dataset ${from.spec} the first shard recorded`,
      vi: `${ofVi}, không phải của "${definition.name}", --dataset ${from.spec} mà phần đầu tiên đã ghi lại` };
  }
  const given = from === undefined ? '' : ` (--dataset ${from.spec})`;
  return { en: `${of}, not of the definition "${definition.name}" given${given}`,
    vi: `${ofVi}, không phải của định nghĩa "${definition.name}" được cho${given}` };
}
