/**
 * What each role may do (over the agencies it can see, see the store's `access.visibleAgencyIds`):
 *
 * | right        | 录入 clerk | 审核 reviewer | 管理员 admin | 监督 supervisor | 评估 evaluator |
 * |--------------|-----------|--------------|-------------|----------------|---------------|
 * | read         | ✓         | ✓            | ✓           | ✓              |               |
 * | enter        | ✓         | ✓            | ✓           |                |               |
 * | reply        |           | ✓            | ✓           |                |               |
 * | delete       |           | ✓            | ✓           |                |               |
 * | manage       |           |              | ✓           |                |               |
 * | corpus       | ✓         | ✓            | ✓           | ✓              | ✓             |
 * | ingest       |           |              | ✓           | ✓              | ✓             |
 * | curate       |           |              | ✓           | ✓              | ✓             |
 *
 * read: see records, compile the report, list due applications; enter: applications, events other
 * than the reply and the extension, cases, table 二 figures; reply: the reply (答复) and approving an
 * extension (延长答复期限); delete: cases entered by mistake; manage: the users and the details of the
 * admin's own agency; corpus: read the corpus of published reports (the evaluator all of it, others
 * the bodies they belong to or supervise); ingest: add published reports to the corpus; curate:
 * correct or merge the corpus's bodies (those they see), which judges their reports again.
 */
import type { Role } from '../store/schema.js';

export type Right = 'read' | 'enter' | 'reply' | 'delete' | 'manage' | 'corpus' | 'ingest' | 'curate';

export const rights: Record<Role, readonly Right[]> = {
  clerk: ['read', 'enter', 'corpus'],
  reviewer: ['read', 'enter', 'reply', 'delete', 'corpus'],
  admin: ['read', 'enter', 'reply', 'delete', 'manage', 'corpus', 'ingest', 'curate'],
  supervisor: ['read', 'corpus', 'ingest', 'curate'],
  evaluator: ['corpus', 'ingest', 'curate'],
};

export const rightNames: Record<Right, string> = {
  read: '查看',
  enter: '录入',
  reply: '答复和批准延期',
  delete: '删除',
  manage: '管理用户和机关',
  corpus: '查看报告库',
  ingest: '向报告库导入报告',
  curate: '修改或合并报告库中的机关',
};

export const hasRight = (role: Role, right: Right): boolean => rights[role].includes(right);
