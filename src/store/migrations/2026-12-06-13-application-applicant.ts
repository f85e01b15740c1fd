/**
 * Who applied and how to reach them (条例第二十九条第一款第（一）项、第（三）项): the applicant's
 * name (姓名或者名称), their contact details (联系方式) and the form they asked the information in
 * (获取信息的方式、途径). The register kept only the applicant's kind, so every notice addressed
 * 【待补充：申请人姓名或名称】. Records stored before have empty strings until a clerk fills them in.
 *
 * Frozen once released, like every migration: untyped handle, no domain imports.
 */
import type { Kysely } from 'kysely';

const columns = ['applicant_name', 'applicant_contact', 'delivery'] as const;

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of columns)
    await db.schema
      .alterTable('applications')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [...columns].reverse())
    await db.schema.alterTable('applications').dropColumn(column).execute();
}
