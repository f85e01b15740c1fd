/** Authentication and roles: password hashes, session tokens, the login limiter, role rights. */

export * from './common-passwords.js';
export * from './password.js';
export * from './rate-limit.js';
export * from './roles.js';
export * from './session.js';
