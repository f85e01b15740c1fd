/** Today as the server sees it (deadlines are computed there): the `asOf` of the due list. */
import { useQuery } from '@tanstack/react-query';
import { call } from './api.js';
import * as api from './endpoints.js';

export function useServerToday(): string | undefined {
  const q = useQuery({
    queryKey: ['today'],
    queryFn: () => call(api.due, { query: { days: 0 } }),
    staleTime: 10 * 60_000,
    select: (d) => d.asOf,
  });
  return q.data;
}

/** The year a page opens on: the one in its URL, else the server's current year. */
export function useYear(fromUrl: number | undefined): number {
  const today = useServerToday();
  return fromUrl ?? Number((today ?? new Date().toISOString()).slice(0, 4));
}

/** The years a year picker offers around a year. */
export const yearsAround = (year: number): number[] => Array.from({ length: 6 }, (_, i) => year + 1 - i);
