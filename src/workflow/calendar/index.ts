export * from './date.js';
export * from './entered.js';
export * from './holidays.js';
export * from './notice.js';
export * from './working-days.js';
