/**
 * The contract of POST /api/inspect (the web app's 报告检查): what it takes and what it answers, as
 * zod schemas. Pure (zod only), so the web app types its client from it.
 */
import { z } from 'zod';

/** The largest report file accepted (PDF reports of a few hundred pages stay well under it). */
export const inspectBodyLimit = 30 * 1024 * 1024;

export const inspectQuery = z.strictObject({
  name: z.string().max(300).optional().meta({ description: '文件名（只用于显示；文件类型按内容识别）' }),
});

const point = z.object({
  line: z.number().int(),
  column: z.number().int(),
  page: z.number().int().optional(),
});

export const inspectFinding = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    line: z.number().int().nullable(),
    column: z.number().int().nullable(),
    page: z.number().int().optional(),
    keys: z.array(z.string()),
    actual: z.string().optional(),
    expected: z.string().optional(),
    note: z.string().optional(),
  })
  .meta({ title: '问题' });

export const inspectIdentity = z.object({
  id: z.string(),
  code: z.string(),
  description: z.string(),
  left: z.array(z.string()),
  right: z.array(z.string()),
  /** Null when a cell of that side is blank or unread. */
  leftSum: z.number().nullable(),
  rightSum: z.number().nullable(),
  difference: z.number().nullable(),
  holds: z.boolean().nullable(),
});

export const inspectResponse = z
  .object({
    name: z.string(),
    sourceType: z.enum(['text', 'html', 'docx', 'doc', 'pdf', 'image']),
    format: z.enum(['2021', '2019']),
    agency: z.string().nullable(),
    year: z.number().int().nullable(),
    publishedOn: z.string().nullable(),
    signedOn: z.string().nullable(),
    cells: z.record(z.string(), z.number().nullable()),
    /** Where each cell's figure was read in `lines`. */
    places: z.record(z.string(), point),
    sections: z.array(
      z.object({ number: z.number().int(), title: z.string(), line: z.number().int().nullable() }),
    ),
    findings: z.array(inspectFinding),
    identities: z.array(inspectIdentity),
    /** The decoded source, one entry per line (line n is `lines[n - 1]`), with its PDF page. */
    lines: z.array(z.object({ text: z.string(), page: z.number().int().optional() })),
    /** A scan's figures that OCR read but did not take: each cell's picture, to be read by eye. */
    crops: z
      .array(
        z.object({
          key: z.string(),
          page: z.number().int(),
          /** The figure as read (not taken). */
          text: z.string(),
          width: z.number().int(),
          height: z.number().int(),
          /** `data:image/png;base64,…` */
          image: z.string(),
        }),
      )
      .meta({ description: '扫描件中识别把握不足、未采用的数字：各单元格在原件上的图像（PNG），供人工核对' }),
  })
  .meta({ title: '报告检查结果' });

export type InspectResult = z.infer<typeof inspectResponse>;
export type InspectFinding = z.infer<typeof inspectFinding>;
export type InspectIdentity = z.infer<typeof inspectIdentity>;

/** A draft 核查意见 of a report inspected (the inspector's answer sent back): its format. */
export const inspectLetterQuery = z.strictObject({
  to: z
    .enum(['docx', 'md'])
    .default('docx')
    .meta({ description: 'docx（按 GB/T 9704 排版，默认）或 md（Markdown）' }),
});

/** What the letter is made of: the facts and findings /api/inspect answered for the file. */
export const inspectLetterBody = z
  .strictObject({
    name: z.string().min(1).max(300),
    format: z.enum(['2021', '2019']),
    agency: z.string().max(200).nullable(),
    year: z.number().int().min(2000).max(2100).nullable(),
    publishedOn: z.string().max(30).nullable(),
    signedOn: z.string().max(30).nullable(),
    findings: z.array(inspectFinding).max(5000),
  })
  .meta({ title: '核查意见的内容（报告检查的结果）' });
