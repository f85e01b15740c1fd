import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { decode, encode } from './url-codec.js';

type Shape = z.ZodObject<Record<string, z.ZodType>>;

/** A page's state kept in its URL through its schema: `[state, update]`; update merges. */
export function useUrlState<S extends Shape>(schema: S) {
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => decode(schema, search), [schema, search]);
  const update = useCallback(
    (patch: Partial<z.output<S>>) => setSearch(encode(schema, { ...state, ...patch }), { replace: false }),
    [schema, state, setSearch],
  );
  return [state, update] as const;
}
