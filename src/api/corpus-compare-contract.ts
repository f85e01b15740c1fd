/**
 * The contract of one body's two years side by side (GET /api/corpus/compare): the newest version
 * of each year, the cells that changed with their year-over-year difference, the comparable measures
 * (2019 and 2021 formats alike) and the sentences the later report copies from the earlier one, found
 * as the corpus's copied-text check finds them. Pure — zod only — like corpus-contract.ts.
 */
import { z } from 'zod';
import { corpusReportRow } from './corpus-contract.js';
import { recordId } from './schemas.js';

const year = z.coerce.number().int().min(2000).max(2100);

export const compareQuery = z.strictObject({
  body: recordId.meta({ description: '机关编号（报告库中的机关）' }),
  other: recordId.optional().meta({
    description:
      '对照的另一个机关编号：给出时对比两个机关（甲为 body，乙为 other）的报告，而不是同一机关的两个年度',
  }),
  from: year.optional().meta({
    description:
      '较早的年度（默认：该机关有报告的倒数第二个年度）；对比两个机关时为甲的年度（默认：两者都有报告的最后一个年度，没有则甲的最后一个年度）',
  }),
  to: year.optional().meta({
    description:
      '较晚的年度（默认：该机关有报告的最后一个年度）；对比两个机关时为乙的年度（默认：与甲的年度相同，乙没有该年度的报告时为乙的最后一个年度）',
  }),
});
export type CompareQuery = z.output<typeof compareQuery>;

export const compareSide = z.object({
  report: corpusReportRow,
  cells: z.record(z.string(), z.number().nullable()),
  sections: z.array(z.object({ number: z.number().int(), title: z.string(), text: z.string() })),
  sentences: z.number().int().meta({ description: '参与雷同比较的句子数（去掉标题、短句和固定表述）' }),
});

export const cellChange = z.object({
  key: z.string(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  delta: z.number().nullable().meta({ description: '较晚年度减较早年度；一方为空时为 null' }),
});

export const copiedPassage = z.object({
  text: z.string().meta({ description: '较晚年度（对比两个机关时为乙）报告中的原句' }),
  previous: z
    .string()
    .meta({ description: '较早年度（对比两个机关时为甲）报告中对应的原句（仅数字可能不同）' }),
  section: z.number().int().meta({ description: '该句在较晚年度（乙）报告中所在部分的序号' }),
});

export const compareResponse = z
  .object({
    body: z.object({ id: z.string(), name: z.string() }),
    years: z.array(z.number().int()).meta({ description: '该机关有报告的全部年度' }),
    other: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .meta({ description: '对比两个机关时为乙（to 一侧的机关）；对比同一机关的两个年度时为 null' }),
    otherYears: z.array(z.number().int()).meta({ description: '乙有报告的全部年度（没有乙时为空）' }),
    from: compareSide,
    to: compareSide,
    sameFormat: z.boolean(),
    changes: z.array(cellChange).meta({ description: '数值不同的格（按格的编号排序）' }),
    measures: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        from: z.number().nullable(),
        to: z.number().nullable(),
        delta: z.number().nullable(),
      }),
    ),
    copied: z.array(copiedPassage),
  })
  .meta({ id: 'CorpusCompare', title: '同一机关两个年度报告的对比，或两个机关报告的对比' });
export type CompareResponse = z.infer<typeof compareResponse>;

export const compareEndpoints = {
  compare: { method: 'GET', url: '/api/corpus/compare', query: compareQuery, response: compareResponse },
} as const;
