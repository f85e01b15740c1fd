export * from './date.js';
export * from './entered.js';
export * from './holidays.js';
export * from './working-days.js';
