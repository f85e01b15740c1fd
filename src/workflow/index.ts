/** The year's work: applications and their deadlines, review and litigation cases, the compiled report. */
export * from './applicant.js';
export * from './application.js';
export * from './calendar/index.js';
export * from './cases.js';
export * from './channel.js';
export * from './compile.js';
export * from './draft.js';
export * from './fees.js';
export * from './issues.js';
export * from './outcome.js';
export * from './status.js';
export * from './tally.js';
export * from './timeline.js';
