import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { decode, encode } from './url-codec.js';

type Shape = z.ZodObject<Record<string, z.ZodType>>;

/**
 * A page's state kept in its URL through its schema: `[state, update]`; update merges, as a new
 * history entry unless `replace` (a correction of the URL itself, which Back should not return to).
 */
export function useUrlState<S extends Shape>(schema: S) {
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => decode(schema, search), [schema, search]);
  const update = useCallback(
    (patch: Partial<z.output<S>>, options: { replace?: boolean } = {}) =>
      setSearch(encode(schema, { ...state, ...patch }), { replace: options.replace === true }),
    [schema, state, setSearch],
  );
  return [state, update] as const;
}
