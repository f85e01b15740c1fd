/**
 * The holiday table's query and its writes. A write answers the whole table (set as the query's
 * data) and moves deadlines: the register's lists and the due list are read again.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { HolidayTableView } from '../../../../src/api/contract/responses.js';
import { call } from '../../lib/api.js';
import * as api from '../../lib/endpoints.js';
import type { bodyOf } from './arrangement.js';

export const holidaysQuery = () =>
  queryOptions({ queryKey: ['holidays'], queryFn: () => call(api.getHolidays, {}) });

function useTableWritten() {
  const qc = useQueryClient();
  return (table: HolidayTableView) => {
    // The answer is the table as it now is: no need to read it again.
    qc.setQueryData(holidaysQuery().queryKey, table);
    // Statuses, due dates, the due list and the compiled report are counted with the table.
    for (const key of ['applications', 'due', 'compile', 'compile-html'])
      qc.invalidateQueries({ queryKey: [key] });
  };
}

export function usePutHolidays() {
  const written = useTableWritten();
  return useMutation({
    mutationFn: (body: ReturnType<typeof bodyOf>) => call(api.putHolidays, { body }),
    onSuccess: written,
  });
}

export function useDeleteHolidays() {
  const written = useTableWritten();
  return useMutation({
    mutationFn: (year: number) => call(api.deleteHolidays, { params: { year } }),
    onSuccess: written,
  });
}
