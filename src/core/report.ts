import type { FormatId } from '../spec/types.js';
import type { Finding } from './finding.js';

/** A cell value: a number as printed, or `null` where the report leaves it blank or it can't be read. */
export type CellValue = number | null;

/** A flat map from codebook key to value (the interchange format of the cells). */
export type Cells = Record<string, CellValue>;

export interface Section {
  /** 1 to 6 (一 to 六). */
  number: number;
  /** The title as written in the report. */
  title: string;
  /** The prose of the part (tables left out). */
  text: string;
  /** 1-based line of the heading in the source. */
  line: number | null;
}

/** A report as Gongkai reads, checks, stores and writes it. */
export interface Report {
  format: FormatId;
  agency: string | null;
  /** The year the figures cover. */
  year: number | null;
  /** ISO date from a 发布时间/发布日期 line. */
  publishedOn: string | null;
  /** ISO date under the closing signature. */
  signedOn: string | null;
  cells: Cells;
  sections: Section[];
}

/** A report together with what was found while reading and checking it. */
export interface ReportResult extends Report {
  findings: Finding[];
}
