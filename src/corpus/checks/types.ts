/** What a cross-report check sees and reports. */
import type { Finding } from '../../core/finding.js';
import type { Section } from '../../core/report.js';
import type { BodyKind } from '../../store/schema.js';

/** One stored report version, with what the checks read of it. */
export interface SeriesReport {
  id: number;
  bodyId: string;
  agency: string;
  kind: BodyKind;
  year: number;
  version: number;
  format: '2019' | '2021';
  file: string;
  cells: Record<string, number | null>;
  sections: Section[];
  text: string;
}

/** A body's reports: every version, oldest year and version first. */
export interface BodySeries {
  bodyId: string;
  agency: string;
  reports: SeriesReport[];
}

/** A finding about a report of the corpus (the usual fields, plus which report). */
export interface CrossFinding extends Finding {
  file: string;
  agency: string | null;
  year: number | null;
  reportId: number;
  /** The other report the finding compares with (last year's, the previous version, another body's). */
  otherReportId?: number;
}

export interface CheckContext {
  /** Newest version of each year. */
  latest: SeriesReport[];
  series: BodySeries;
  report(finding: CrossFinding): void;
}

/** A check over one body's series. */
export type SeriesCheck = (context: CheckContext) => void;
