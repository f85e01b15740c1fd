/** Upload summaries (one per file uploaded) added up. */
import type { z } from 'zod';
import type { uploadResponse } from '../../../../src/api/corpus-contract.js';

export type Summary = z.output<typeof uploadResponse>;

/** The sum of several upload summaries. */
export function addSummaries(all: readonly Summary[]): Omit<Summary, 'results'> {
  return {
    read: all.reduce((n, s) => n + s.read, 0),
    added: all.reduce((n, s) => n + s.added, 0),
    known: all.reduce((n, s) => n + s.known, 0),
    versions: all.reduce((n, s) => n + s.versions, 0),
    unreadable: all.flatMap((s) => s.unreadable),
  };
}
