/** Report JSON: loading and validating a report, and its JSON Schema. */
export { formatPath, loadReportJson, ReportJsonError } from './load.js';
export { anyReportSchema, reportJsonSchema, reportSchema } from './schema.js';
