/**
 * What each role may do (over the agencies it can see, see the store's `access.visibleAgencyIds`):
 *
 * | right        | 录入 clerk | 审核 reviewer | 管理员 admin | 监督 supervisor |
 * |--------------|-----------|--------------|-------------|----------------|
 * | read         | ✓         | ✓            | ✓           | ✓              |
 * | enter        | ✓         | ✓            | ✓           |                |
 * | reply        |           | ✓            | ✓           |                |
 * | delete       |           | ✓            | ✓           |                |
 * | manage       |           |              | ✓           |                |
 *
 * read: see records, compile the report, list due applications; enter: applications, events other
 * than the reply and the extension, cases, table 二 figures; reply: the reply (答复) and approving an
 * extension (延长答复期限); delete: cases entered by mistake; manage: the users and the details of the
 * admin's own agency.
 */
import type { Role } from '../store/schema.js';

export type Right = 'read' | 'enter' | 'reply' | 'delete' | 'manage';

export const rights: Record<Role, readonly Right[]> = {
  clerk: ['read', 'enter'],
  reviewer: ['read', 'enter', 'reply', 'delete'],
  admin: ['read', 'enter', 'reply', 'delete', 'manage'],
  supervisor: ['read'],
};

export const rightNames: Record<Right, string> = {
  read: '查看',
  enter: '录入',
  reply: '答复和批准延期',
  delete: '删除',
  manage: '管理用户和机关',
};

export const hasRight = (role: Role, right: Right): boolean => rights[role].includes(right);
