/**
 * Every endpoint the web app calls, declared once: method, URL and the API's own schemas. Features
 * wrap these in query options and hooks; nothing else builds a URL to /api.
 */
import { z } from 'zod';
import * as r from '../../../src/api/contract/responses.js';
import { compareEndpoints } from '../../../src/api/corpus-compare-contract.js';
import { corpusEndpoints } from '../../../src/api/corpus-contract.js';
import * as inspect_ from '../../../src/api/inspect-contract.js';
import * as s from '../../../src/api/schemas.js';
import type { Endpoint } from './api.js';

const endpoint = <
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(
  e: Endpoint<P, Q, B, R>,
) => e;

// Signing in, declared apart so that the login page loads no more of the API than it needs.
export { login, logout, me } from './session-endpoints.js';

export const updateAgency = endpoint({
  method: 'PATCH',
  url: '/api/agencies/:agencyId',
  params: s.agencyParams,
  body: s.agencyPatchBody,
  response: r.agencySchema,
});

export const listApplications = endpoint({
  method: 'GET',
  url: '/api/applications',
  query: s.applicationListQuery,
  response: r.applicationListSchema,
});
export const createApplication = endpoint({
  method: 'POST',
  url: '/api/applications',
  body: s.newApplicationBody,
  response: r.applicationSchema,
});
export const exportApplications = endpoint({
  method: 'GET',
  url: '/api/applications/export',
  query: s.applicationExportQuery,
  response: z.unknown(),
});
export const registerSummary = endpoint({
  method: 'GET',
  url: '/api/applications/summary',
  query: s.registerSummaryQuery,
  response: r.registerSummarySchema,
});
export const importApplications = endpoint({
  method: 'POST',
  url: '/api/applications/import',
  query: s.applicationImportQuery,
  response: r.ledgerImportSchema,
});
export const updateApplication = endpoint({
  method: 'PATCH',
  url: '/api/applications/:applicationId',
  params: s.applicationParams,
  body: s.applicationPatchBody,
  response: r.applicationSchema,
});
export const getApplication = endpoint({
  method: 'GET',
  url: '/api/applications/:applicationId',
  params: s.applicationParams,
  response: r.applicationSchema,
});
export const addEvent = endpoint({
  method: 'POST',
  url: '/api/applications/:applicationId/events',
  params: s.applicationParams,
  body: s.eventSchema,
  response: r.applicationSchema,
});
export const due = endpoint({ method: 'GET', url: '/api/due', query: s.dueQuery, response: r.dueSchema });

export const getHolidays = endpoint({
  method: 'GET',
  url: '/api/holidays',
  response: r.holidayTableSchema,
});
export const putHolidays = endpoint({
  method: 'PUT',
  url: '/api/holidays',
  body: s.holidayYearBody,
  response: r.holidayTableSchema,
});
export const deleteHolidays = endpoint({
  method: 'DELETE',
  url: '/api/holidays/:year',
  params: s.holidayYearParams,
  response: r.holidayTableSchema,
});

export const listCases = endpoint({
  method: 'GET',
  url: '/api/cases',
  query: s.caseListQuery,
  response: r.caseListSchema,
});
export const exportCases = endpoint({
  method: 'GET',
  url: '/api/cases/export',
  query: s.caseExportQuery,
  response: z.unknown(),
});
export const importCases = endpoint({
  method: 'POST',
  url: '/api/cases/import',
  query: s.caseImportQuery,
  response: r.caseLedgerImportSchema,
});
export const createCase = endpoint({
  method: 'POST',
  url: '/api/cases',
  body: s.newCaseBody,
  response: r.caseSchema,
});
export const updateCase = endpoint({
  method: 'PATCH',
  url: '/api/cases/:caseId',
  params: s.caseParams,
  body: s.casePatchBody,
  response: r.caseSchema,
});
export const deleteCase = endpoint({
  method: 'DELETE',
  url: '/api/cases/:caseId',
  params: s.caseParams,
  response: r.okSchema,
});

export const getProactive = endpoint({
  method: 'GET',
  url: '/api/proactive/:agencyId/:year',
  params: s.proactiveParams,
  response: r.proactiveSchema,
});
export const setProactive = endpoint({
  method: 'PUT',
  url: '/api/proactive/:agencyId/:year',
  params: s.proactiveParams,
  body: s.proactiveBody,
  response: r.proactiveSchema,
});

export const getReportProse = endpoint({
  method: 'GET',
  url: '/api/report-prose/:agencyId/:year',
  params: s.reportProseParams,
  response: r.reportProseSchema,
});
export const setReportProse = endpoint({
  method: 'PUT',
  url: '/api/report-prose/:agencyId/:year',
  params: s.reportProseParams,
  body: s.reportProseBody,
  response: r.reportProseSchema,
});

export const compile = endpoint({
  method: 'POST',
  url: '/api/compile',
  query: s.compileQuery,
  body: s.compileBody,
  response: r.compiledSchema,
});
export const calculateFee = endpoint({
  method: 'GET',
  url: '/api/fees/calculate',
  query: s.feeQuery,
  response: r.feeSchema,
});

export const listUsers = endpoint({
  method: 'GET',
  url: '/api/users',
  response: r.managedUserListSchema,
});
export const createUser = endpoint({
  method: 'POST',
  url: '/api/users',
  body: s.newUserBody,
  response: r.managedUserSchema,
});

export const updateUser = endpoint({
  method: 'PATCH',
  url: '/api/users/:userId',
  params: s.userParams,
  body: s.userPatchBody,
  response: r.managedUserSchema,
});

/** The document an event of an application sends (a file: DOCX or Markdown). */
export const applicationNotice = endpoint({
  method: 'GET',
  url: '/api/applications/:applicationId/events/:ordinal/notice',
  params: s.eventParams,
  query: s.noticeQuery,
  response: z.unknown(),
});

export const listAudit = endpoint({
  method: 'GET',
  url: '/api/audit',
  query: s.auditQuery,
  response: r.auditPageSchema,
});

export const inspect = endpoint({
  method: 'POST',
  url: '/api/inspect',
  query: inspect_.inspectQuery,
  response: inspect_.inspectResponse,
});
/** The draft 核查意见 of a report inspected, from the inspection's answer (a file). */
export const inspectLetter = endpoint({
  method: 'POST',
  url: '/api/inspect/letter',
  query: inspect_.inspectLetterQuery,
  body: inspect_.inspectLetterBody,
  response: z.unknown(),
});

export const corpusList = endpoint(corpusEndpoints.list);
export const corpusReport = endpoint(corpusEndpoints.report);
export const corpusStats = endpoint(corpusEndpoints.stats);
export const corpusChecks = endpoint(corpusEndpoints.checks);
export const corpusCorrections = endpoint(corpusEndpoints.corrections);
export const corpusPublication = endpoint(corpusEndpoints.publication);
export const corpusPacks = endpoint(corpusEndpoints.packs);
export const corpusScore = endpoint(corpusEndpoints.score);
export const corpusScoreExport = endpoint({ ...corpusEndpoints.scoreExport, response: z.unknown() });
export const corpusBodies = endpoint(corpusEndpoints.bodies);
export const corpusBodyHistory = endpoint(corpusEndpoints.bodyHistory);
export const correctCorpusBody = endpoint(corpusEndpoints.correctBody);
export const corpusPlaceSuggestions = endpoint(corpusEndpoints.placeSuggestions);
export const applyCorpusPlaces = endpoint(corpusEndpoints.applyPlaces);
export const importCorpusRoster = endpoint(corpusEndpoints.importRoster);
export const mergeCorpusBody = endpoint(corpusEndpoints.mergeBody);
/** A corpus report's source: the file's bytes when the corpus kept them, else its decoded text. */
export const corpusSource = endpoint({ ...corpusEndpoints.source, response: z.unknown() });
/** 核查意见 of a scope's reports, a ZIP of letters (one report's is a link: letterUrl). */
/** The draft 核查意见 of one corpus report (compared with the body's other years), a file. */
export const corpusLetter = endpoint({ ...corpusEndpoints.letter, response: z.unknown() });
export const corpusLetters = endpoint({ ...corpusEndpoints.letters, response: z.unknown() });
/** 催报提醒 to the bodies overdue for a year, a ZIP of letters. */
export const corpusReminders = endpoint({ ...corpusEndpoints.reminders, response: z.unknown() });
export const corpusCompare = endpoint(compareEndpoints.compare);
