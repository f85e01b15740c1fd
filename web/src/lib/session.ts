/** The signed-in user: one query (`/api/me`) that every page shares. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from './api.js';
import * as api from './session-endpoints.js';

export const meQuery = () =>
  queryOptions({ queryKey: ['me'], queryFn: () => call(api.me, {}), staleTime: 60_000, retry: false });

export const useMe = () => useQuery(meQuery());

/** Whether a user was signed in during this visit (a later 401 then means the session expired). */
export const sessionSeen = { value: false };
