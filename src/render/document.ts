/**
 * What every layout prints, in order, independent of how it prints it: title, dates, a preface,
 * the six parts with their prose and tables (from the spec of the report's format), signature.
 */
import type { Report } from '../core/report.js';
import { getFormat } from '../spec/registry.js';
import type { FormatSpec, TableSpec } from '../spec/types.js';
import { chineseDate } from './date.js';
import { type PartGrid, partGrid } from './grid.js';

export interface OutlinePart {
  number: number;
  /** 「二、主动公开政府信息情况」 */
  heading: string;
  paragraphs: string[];
  table: TableSpec | null;
  grids: PartGrid[];
}

export interface Outline {
  spec: FormatSpec;
  agency: string;
  /** The year as digits, '' when unknown. */
  year: string;
  /** 「政府信息公开工作年度报告」 preceded by the year (「2021年」) when known. */
  reportName: string;
  publishedOn: string | null;
  /** Agency and Chinese date of the signature, when the report is signed. */
  signature: { agency: string; date: string } | null;
  parts: OutlinePart[];
}

export type PrefaceKind = 'full' | 'short' | 'none';

export function outline(report: Report): Outline {
  const spec = getFormat(report.format);
  const agency = report.agency ?? '';
  const year = report.year === null ? '' : String(report.year);
  return {
    spec,
    agency,
    year,
    reportName: `${year ? `${year}年` : ''}政府信息公开工作年度报告`,
    publishedOn: report.publishedOn,
    signature: report.signedOn ? { agency, date: chineseDate(report.signedOn) } : null,
    parts: spec.sections.map((section) => {
      const table = spec.tables.find((t) => t.id === section.table) ?? null;
      const prose = report.sections.find((s) => s.number === section.number)?.text ?? '';
      return {
        number: section.number,
        heading: `${section.numeral}、${section.title}`,
        paragraphs: prose.split('\n').filter((p) => p.trim() !== ''),
        table,
        grids: table ? table.parts.map((p) => partGrid(p, report.cells)) : [],
      };
    }),
  };
}

/** The opening paragraphs: what the report is based on, what it contains, what period it covers. */
export function preface(o: Outline, kind: PrefaceKind): string[] {
  if (kind === 'none') return [];
  const who = o.agency || '本机关';
  const period = o.year ? `本报告所列数据的统计期限自${o.year}年1月1日起至${o.year}年12月31日止。` : '';
  if (kind === 'short')
    return [
      `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布${who}${o.reportName}。${period}`,
    ];
  return [
    `本报告由${who}按照《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（${o.spec.document}）要求编制。`,
    `本报告内容包括${o.spec.sections.map((s) => s.title).join('、')}等六部分内容。`,
    `${period}本报告电子版可在政府门户网站政府信息公开专栏查阅或下载。`,
  ];
}
