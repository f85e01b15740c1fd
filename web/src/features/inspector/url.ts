/** 报告检查's state in its URL: the cell and finding selected, and a corpus report to read. */
import { z } from 'zod';

export const inspectUrl = z.object({
  cell: z.string().optional(),
  finding: z.coerce.number().int().min(0).optional(),
  /** A report of the corpus (the oversight drawer's link), read from its stored source. */
  corpus: z.coerce.number().int().positive().optional(),
});
