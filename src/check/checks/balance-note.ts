import type { Check } from '../types.js';

/** The 勾稽 note that the format prints in the header of table 三. */
export const checkBalanceNote: Check = ({ evidence, spec }, file) => {
  if (evidence?.balanceNote !== false) return;
  const note = spec.tables.flatMap((t) => t.parts).find((p) => p.note)?.note?.official;
  const section = spec.sections.find((s) => s.table === 'applications');
  const heading = evidence.headings.find((h) => h.number === section?.number);
  file.warn('check.balance-note-missing', '表三缺少格式规定的勾稽关系说明', {
    place: heading?.place ?? null,
    ...(note ? { expected: note } : {}),
  });
};
