import type { Check } from '../types.js';

/** Labels printed in a wording other than the format's (「社会组织」 for 「社会公益组织」). */
export const checkLabelVariants: Check = ({ evidence }, file) => {
  for (const variant of evidence?.labelVariants ?? [])
    file.warn(
      'check.label-variant',
      `表格标签「${variant.found}」与规定格式不一致，应为「${variant.official}」`,
      {
        place: variant.place,
        keys: variant.keys,
        actual: variant.found,
        expected: variant.official,
      },
    );
};
