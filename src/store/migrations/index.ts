/**
 * Every migration Gongkai knows, by name. Names start with an ISO date and sort in the order the
 * migrations run; a new migration is a new file added at the end of this list, never an edit.
 */
import type { Migration } from 'kysely';
import * as initial from './2026-11-22-01-initial.js';
import * as registerHardening from './2026-12-02-02-register-hardening.js';
import * as corpus from './2026-12-02-03-corpus.js';
import * as corpusMeasures from './2026-12-02-04-corpus-measures.js';
import * as corpusFindingCounts from './2026-12-02-05-corpus-finding-counts.js';
import * as reportProse from './2026-12-02-06-report-prose.js';
import * as corpusCellsByReport from './2026-12-03-07-corpus-cells-by-report.js';
import * as corpusDatePlaces from './2026-12-03-08-corpus-date-places.js';
import * as holidayArrangements from './2026-12-05-09-holiday-arrangements.js';
import * as corpusBodyDissolved from './2026-12-05-10-corpus-body-dissolved.js';
import * as corpusBodyExpected from './2026-12-06-11-corpus-body-expected.js';
import * as corpusFindingPage from './2026-12-06-12-corpus-finding-page.js';
import * as applicationApplicant from './2026-12-06-13-application-applicant.js';

export const migrations: Readonly<Record<string, Migration>> = {
  '2026-11-22-01-initial': initial,
  '2026-12-02-02-register-hardening': registerHardening,
  '2026-12-02-03-corpus': corpus,
  '2026-12-02-04-corpus-measures': corpusMeasures,
  '2026-12-02-05-corpus-finding-counts': corpusFindingCounts,
  '2026-12-02-06-report-prose': reportProse,
  '2026-12-03-07-corpus-cells-by-report': corpusCellsByReport,
  '2026-12-03-08-corpus-date-places': corpusDatePlaces,
  '2026-12-05-09-holiday-arrangements': holidayArrangements,
  '2026-12-05-10-corpus-body-dissolved': corpusBodyDissolved,
  '2026-12-06-11-corpus-body-expected': corpusBodyExpected,
  '2026-12-06-12-corpus-finding-page': corpusFindingPage,
  '2026-12-06-13-application-applicant': applicationApplicant,
};
