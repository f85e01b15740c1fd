import type { Check } from '../types.js';

/** The preface's 「共N部分」 against the parts actually found. */
export const checkPartsAnnounced: Check = ({ evidence }, file) => {
  const announced = evidence?.announcedParts;
  if (!evidence || !announced) return;
  const found = new Set(evidence.headings.map((h) => h.number)).size;
  if (announced.count === found) return;
  file.warn('check.parts-announced', `报告开头称共 ${announced.count} 个部分，正文实际有 ${found} 个部分`, {
    place: announced.place,
    actual: String(found),
    expected: String(announced.count),
  });
};
