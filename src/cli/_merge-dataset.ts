import type { DatasetDefinition } from '../core/types.js';
import type { DefinitionSpec } from '../parallel/definition-mismatch.js';
import { resolveDataset } from './_dataset.js';
import { CliError, usage } from './_errors.js';
import { plainText } from '../outputs/_escape.js';

/**
 * The definition a merge validates against: `--dataset` if given, else the one the shards recorded, as they wrote it.
 * A recorded path that is not found from here is said to come from the states: a path relative to the directory the
 * shards ran in read as `dataset definition file not found: "d2.yaml"`, naming nothing the user had typed.
 * @example const { definition, from } = await mergeDataset(v.dataset, states[0]?.dataset.spec, io.cwd, read);
 */
export async function mergeDataset(given: string | undefined, recorded: string | undefined, cwd: string,
  read: { what: string; path: string }[]): Promise<{ definition: DatasetDefinition; from: DefinitionSpec }> {
  const spec = given ?? recorded;
  if (spec === undefined || spec === '') {
    throw usage('the shards do not record their --dataset: give it to merge with --dataset',
      'các phần không ghi lại --dataset của chúng: hãy cho merge --dataset');
  }
  const from = { spec, recorded: given === undefined };
  try {
    return { definition: await resolveDataset(spec, cwd, read), from };
  } catch (e) {
    if (!from.recorded || !(e instanceof CliError) || !e.message.startsWith('dataset definition file not found')) throw e;
    throw usage(`the shards were run with --dataset ${plainText(spec)}, which is not found from ${plainText(cwd)} (a path the ` +
      'states recorded as it was given, relative to the directory the shards ran in): give merge --dataset the definition\'s path',
    `các phần đã chạy với --dataset ${plainText(spec)}, không tìm thấy từ ${plainText(cwd)} (đường dẫn được ghi trong tệp trạng thái ` +
      'như khi được cho, tương đối với thư mục các phần đã chạy): hãy cho merge --dataset đường dẫn của định nghĩa');
  }
}
