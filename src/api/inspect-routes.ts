/**
 * POST /api/inspect: a report file of any form (text, HTML, DOCX, PDF, scans; the raw bytes as
 * application/octet-stream) read, assembled and checked as `gongkai check` does, answered with what
 * the web app's inspector shows: the cells and where each was read, the findings with their places,
 * the identities with both sides, and the decoded source text line by line. Nothing is stored.
 */
import type { FastifyInstance } from 'fastify';
import { SourceFile, UnreadableInputError } from '../core/source-file.js';
import { letterFile, letterFileName } from '../corpus/letters/files.js';
import { fileSubject } from '../corpus/letters/review-letter.js';
import { assembleBlocks } from '../pipeline.js';
import type { Block } from '../read/blocks.js';
import { doubtCrops } from '../read/ocr/crops.js';
import { readBlocks } from '../read/registry.js';
import type { FormatSpec } from '../spec/types.js';
import { ApiError, badRequest, unauthenticated } from './errors.js';
import {
  type InspectIdentity,
  inspectBodyLimit,
  inspectLetterBody,
  inspectLetterQuery,
  inspectQuery,
  inspectResponse,
} from './inspect-contract.js';
import { type Route, route } from './route.js';

const rawType = 'application/octet-stream';

/** Lets /api/inspect take the file's bytes as they are (other routes keep their JSON bodies). */
export function registerInspectBodies(app: FastifyInstance): void {
  if (app.hasContentTypeParser(rawType)) return;
  app.addContentTypeParser(
    rawType,
    { parseAs: 'buffer', bodyLimit: inspectBodyLimit },
    (request, body, done) => {
      if (request.url.split('?')[0] !== '/api/inspect')
        done(
          new ApiError(415, 'unsupported-media-type', '此接口不接受 application/octet-stream，请发送 JSON'),
          undefined,
        );
      else done(null, body);
    },
  );
}

/** The decoded source as lines: the reader's own text, or the blocks laid out at their lines (PDF). */
export function sourceLines(file: SourceFile, blocks: readonly Block[]): { text: string; page?: number }[] {
  if (file.text !== '') return file.text.split(/\r\n|\r|\n/).map((text) => ({ text }));
  const lines: { text: string; page?: number }[] = [];
  const put = (line: number, column: number, text: string, page: number | undefined) => {
    while (lines.length < line) lines.push({ text: '' });
    const entry = lines[line - 1] as { text: string; page?: number };
    const pad = Math.max(0, column - 1 - entry.text.length);
    entry.text +=
      (entry.text === '' ? ' '.repeat(pad) : entry.text.length < column - 1 ? ' '.repeat(pad) : '\t') + text;
    if (page !== undefined) entry.page = page;
  };
  for (const b of blocks) {
    if (b.type === 'paragraph') put(b.line, b.column, b.text, b.page);
    else
      for (const row of b.rows)
        for (const cell of row) if (!cell.spanned) put(cell.line, cell.column, cell.text, cell.page);
  }
  return lines;
}

/** Each identity of the format with both sides summed from the cells (null when a side has a blank). */
export function identitiesOf(spec: FormatSpec, cells: Record<string, number | null>): InspectIdentity[] {
  const sum = (keys: readonly string[]) => {
    let total = 0;
    for (const k of keys) {
      const v = cells[k];
      if (v === null || v === undefined) return null;
      total += v;
    }
    return Math.round(total * 1e6) / 1e6;
  };
  return spec.identities.map((i) => {
    const leftSum = sum(i.left);
    const rightSum = sum(i.right);
    const difference =
      leftSum === null || rightSum === null ? null : Math.round((leftSum - rightSum) * 1e6) / 1e6;
    return {
      id: i.id,
      code: i.code,
      description: i.description,
      left: [...i.left],
      right: [...i.right],
      leftSum,
      rightSum,
      difference,
      holds: difference === null ? null : difference === 0,
    };
  });
}

export async function inspectBytes(bytes: Uint8Array, name: string) {
  const file = new SourceFile(name);
  // A scan's page images are kept until the figures not taken are cut from them (crops).
  const { blocks, sourceType } = await readBlocks(bytes, file, { keepImages: true });
  // As `gongkai check` does: a figure the OCR of a scan was unsure of is null with its finding.
  const { report, evidence, spec } = assembleBlocks(blocks, file);
  const { findings } = report;
  const places: Record<string, { line: number; column: number; page?: number }> = {};
  for (const [key, p] of evidence.cellPlaces)
    places[key] = p.page === undefined ? { line: p.line, column: p.column } : { ...p };
  return {
    name,
    sourceType,
    format: spec.id,
    agency: report.agency,
    year: report.year,
    publishedOn: report.publishedOn,
    signedOn: report.signedOn,
    cells: report.cells,
    places,
    sections: report.sections.map((s) => ({ number: s.number, title: s.title, line: s.line })),
    findings,
    identities: identitiesOf(spec, report.cells),
    lines: sourceLines(file, blocks),
    crops: doubtCrops(file).map(({ key, page, text, width, height, png }) => ({
      key,
      page,
      text,
      width,
      height,
      image: `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
    })),
  };
}

export const inspectRoutes: readonly Route[] = [
  route({
    method: 'POST',
    url: '/api/inspect',
    summary:
      '检查一份年度报告（文本、网页、DOCX、PDF 或扫描件（图片），以 application/octet-stream 发送文件原始字节）：各单元格及其在原文中的位置、问题、勾稽关系和解码后的原文；不保存',
    tag: '报告检查',
    auth: true,
    query: inspectQuery,
    response: inspectResponse,
    async handle({ principal, query, request }) {
      if (principal === null) throw unauthenticated();
      const body = request.body;
      if (!(body instanceof Uint8Array) || body.length === 0)
        throw badRequest(
          'no-file',
          '请以 application/octet-stream 发送报告文件（文本、网页、DOCX、PDF 或图片）的原始字节',
        );
      try {
        return await inspectBytes(body, query.name ?? '报告');
      } catch (error) {
        if (error instanceof UnreadableInputError) throw new ApiError(422, 'unreadable', error.message);
        throw error;
      }
    },
  }),
  route({
    method: 'POST',
    url: '/api/inspect/letter',
    summary:
      '报告检查的结果生成给该机关的核查意见草稿（DOCX 按 GB/T 9704 排版，或 Markdown）：发送 /api/inspect 答复中的机关、年度、格式、日期和问题；发布期限按机关名称判断的类型',
    tag: '报告检查',
    auth: true,
    query: inspectLetterQuery,
    body: inspectLetterBody,
    produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/markdown'],
    async handle({ principal, query, body, reply, deps }) {
      if (principal === null) throw unauthenticated();
      const { name, ...report } = body;
      const subject = fileSubject(report, name);
      const file = letterFile(subject, deps.today(), query.to, { fromFile: true });
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(letterFileName(subject, query.to))}`,
      );
      reply.type(
        query.to === 'md'
          ? 'text/markdown; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      return reply.send(typeof file === 'string' ? file : Buffer.from(file));
    },
  }),
];
