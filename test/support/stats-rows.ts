/** A stats row as the API answers it (GET /api/corpus/stats), every count 0 but those given. */
import type { z } from 'zod';
import type { statsRow } from '../../src/api/corpus-contract.js';

export type StatsRow = z.output<typeof statsRow>;

export const statsRowOf = (group: string, patch: Partial<StatsRow> = {}): StatsRow => ({
  group,
  label: group,
  reports: 0,
  onTime: 0,
  late: 0,
  undated: 0,
  format2019: 0,
  format2021: 0,
  withErrors: 0,
  errors: 0,
  warnings: 0,
  measures: {},
  rates: {},
  findings: {},
  ...patch,
});
