/**
 * Whose reports the corpus pages show the signed-in user, in a sentence (src/corpus/scope.ts
 * decides): said under the page title, so that an empty list is not taken for an empty corpus.
 */
import type { Role } from '../../../src/store/schema.js';

/** The few names a sentence lists before 「等」. */
const listed = 3;

/** The scope in a sentence (zh-CN). */
export function corpusScope(
  user: { role: Role; agencyId: string | null },
  agencies: readonly { id: string; name: string }[],
): string {
  if (user.role === 'evaluator') return '查看范围：整个报告库。';
  const wholeCorpus = '整个报告库由评估角色查看（管理员在「用户管理」中新建）。';
  if (user.role === 'supervisor') {
    if (agencies.length === 0) return `查看范围：尚未指定监督的机关，看不到报告库中的报告。${wholeCorpus}`;
    const names = agencies.slice(0, listed).map((a) => a.name);
    const more = agencies.length > listed ? `等 ${agencies.length} 个机关` : '';
    return `查看范围：所监督的${names.join('、')}${more}的报告；人民政府含其辖区内各机关。${wholeCorpus}`;
  }
  const own = agencies.find((a) => a.id === user.agencyId)?.name;
  return `查看范围：${own && own !== '本机关' ? `本机关（${own}）` : '本机关'}的报告，导入的其他机关的报告不在其中。${wholeCorpus}`;
}
