/** The register's queries and mutations: each key built where its query is, so writes invalidate exactly it. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplicationPatchBody, EventBody, NewApplicationBody } from '../../../../src/api/schemas.js';
import { call, searchOf } from '../../lib/api.js';
import * as api from '../../lib/endpoints.js';

export const applicationsQuery = (query: { agency?: string; year?: number }) =>
  queryOptions({
    queryKey: ['applications', 'list', query],
    queryFn: () => call(api.listApplications, { query }),
  });

export const applicationQuery = (applicationId: string) =>
  queryOptions({
    queryKey: ['applications', 'one', applicationId],
    queryFn: () => call(api.getApplication, { params: { applicationId } }),
  });

/**
 * The 办理台账 of the agency (and year) on the page, as a file (a link: the download is the
 * browser's). The ledger is of every application in that scope, not only those the page's other
 * filters show.
 */
export const ledgerUrl = (
  query: { agency?: string | undefined; year?: number },
  to: 'csv' | 'xlsx',
): string => api.exportApplications.url + searchOf({ ...query, to });

/** 各机关办理情况: every agency in scope, its applications counted by where they stand. */
export const registerSummaryQuery = (query: { year?: number; days?: number }) =>
  queryOptions({
    queryKey: ['applications', 'summary', query],
    queryFn: () => call(api.registerSummary, { query }),
  });

export const dueQuery = (query: { agency?: string; days?: number }) =>
  queryOptions({ queryKey: ['due', query], queryFn: () => call(api.due, { query }) });

export function useCreateApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewApplicationBody) => call(api.createApplication, { body }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['applications'] });
      qc.invalidateQueries({ queryKey: ['due'] });
    },
  });
}

export function useAddEvent(applicationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EventBody) => call(api.addEvent, { params: { applicationId }, body }),
    onSuccess: (app) => {
      qc.setQueryData(applicationQuery(applicationId).queryKey, app);
      qc.invalidateQueries({ queryKey: ['applications', 'list'] });
      qc.invalidateQueries({ queryKey: ['due'] });
    },
  });
}

export function useUpdateApplication(applicationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationPatchBody) =>
      call(api.updateApplication, { params: { applicationId }, body }),
    onSuccess: (app) => {
      qc.setQueryData(applicationQuery(applicationId).queryKey, app);
      qc.invalidateQueries({ queryKey: ['applications', 'list'] });
      qc.invalidateQueries({ queryKey: ['due'] });
    },
  });
}
