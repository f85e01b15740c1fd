/** Chinese names of the corpus's codes. */
import { regionLevelNames, regionLevels } from '../../../../src/corpus/region-level.js';

export const kindNames = { government: '人民政府', department: '部门' } as const;

/** The choices of a 汇总层级 switch: 按省、按市、按县区. */
export const regionLevelOptions = regionLevels.map((l) => ({ value: l, label: `按${regionLevelNames[l]}` }));
