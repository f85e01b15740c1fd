/**
 * The endpoints of signing in (login, logout, the signed-in user), apart from the others
 * (endpoints.ts re-exports them): the login page loads these and their small schemas
 * (src/api/contract/session.ts), not the schemas of the whole API.
 */
import * as session from '../../../src/api/contract/session.js';
import type { Endpoint } from './api.js';

export const login: Endpoint<undefined, undefined, typeof session.loginBody, typeof session.loginResponse> = {
  method: 'POST',
  url: '/api/login',
  body: session.loginBody,
  response: session.loginResponse,
};
export const logout: Endpoint<undefined, undefined, undefined, typeof session.okSchema> = {
  method: 'POST',
  url: '/api/logout',
  response: session.okSchema,
};
export const me: Endpoint<undefined, undefined, undefined, typeof session.meResponse> = {
  method: 'GET',
  url: '/api/me',
  response: session.meResponse,
};
