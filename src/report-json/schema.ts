/**
 * The zod schema of a report as JSON (the members of `gongkai parse --json` that make a report),
 * built from the format specs: `cells` holds exactly the codebook keys of the report's format.
 * Other members (`file`, `findings`) are accepted and dropped.
 */
import { z } from 'zod';
import { cellKeys, formats, getFormat } from '../spec/registry.js';
import type { FormatId, FormatSpec } from '../spec/types.js';

const isoDate = z.iso.date().nullable();

const section = z.object({
  number: z.number().int().min(1).max(6).meta({ description: '部分的序号：1 至 6（一至六）' }),
  title: z.string().meta({ description: '报告中写的标题，如「一、总体情况」' }),
  text: z.string().meta({ description: '该部分的正文（不含表格），段落之间换行' }),
  line: z.number().int().min(1).nullable().default(null).meta({ description: '标题在原文中的行号' }),
});

function cellsSchema(spec: FormatSpec) {
  const shape: Record<string, z.ZodNullable<z.ZodNumber>> = {};
  for (const key of cellKeys(spec)) shape[key] = z.number().nullable();
  return z
    .strictObject(shape)
    .meta({ description: `${spec.id} 年版代码表的全部键（按代码表顺序），值为数字，空缺为 null` });
}

function objectSchema(spec: FormatSpec) {
  return z
    .object({
      format: z.literal(spec.id).meta({ description: `表格格式：${spec.document}` }),
      agency: z.string().nullable().meta({ description: '发布报告的机关' }),
      year: z.number().int().min(1000).max(9999).nullable().meta({ description: '数据所属年度' }),
      publishedOn: isoDate.meta({ description: '发布日期（ISO）' }),
      signedOn: isoDate.meta({ description: '落款日期（ISO）' }),
      cells: cellsSchema(spec),
      sections: z.array(section),
    })
    .meta({ title: `政府信息公开工作年度报告（${spec.id} 年版）` });
}

/** The schema of a report of one format. */
export function reportSchema(format: FormatId) {
  return objectSchema(getFormat(format));
}

/** The schema of a report of any format Gongkai knows (chosen by `format`). */
export function anyReportSchema() {
  const [first, ...rest] = formats.map(objectSchema);
  return z
    .discriminatedUnion('format', [first as ReturnType<typeof objectSchema>, ...rest])
    .meta({ title: '政府信息公开工作年度报告' });
}

/** The JSON Schema of report JSON (one format, or any). */
export function reportJsonSchema(format?: FormatId): Record<string, unknown> {
  const schema = format ? reportSchema(format) : anyReportSchema();
  return z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
