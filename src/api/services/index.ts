/** The services the API and the CLI share: one function per register operation. */
export * from './agencies.js';
export * from './applications.js';
export * from './audit.js';
export * from './bootstrap.js';
export * from './cases.js';
export * from './compile.js';
export * from './fees.js';
export * from './holidays.js';
export * from './ledger.js';
export * from './ledger-import.js';
export * from './notices.js';
export * from './principal.js';
export * from './proactive.js';
export * from './report-prose.js';
export * from './sessions.js';
export * from './today.js';
export * from './users.js';
