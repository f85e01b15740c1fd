/**
 * The contract of the corpus routes (/api/corpus/…): method, path and the zod schemas of their
 * inputs and outputs. Pure — zod only, no server imports — so the web app imports it to type and
 * check its calls, and the server (corpus-routes.ts) and the OpenAPI document use the same schemas.
 */
import { z } from 'zod';
import { correctionStatuses } from '../corpus/correction-status.js';
import { packSchema } from '../corpus/pack-schema.js';
import { problemKinds } from '../corpus/problem-kinds.js';
import {
  dissolvedYears,
  dissolvedYearsText,
  expectedYearsText,
  type PublicationStatus,
  publicationRegionsListed,
  publicationStatuses,
  publicationStatusNames,
} from '../corpus/publication-status.js';
import { regionLevelNames, regionLevels } from '../corpus/region-level.js';
import { statsDimensions, statsDimensionsText } from '../corpus/stats-dimensions.js';
import { recordId } from './schemas.js';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .meta({ description: 'true 或 false' });

export const bodyKindSchema = z.enum(['government', 'department']).meta({
  description: 'government 人民政府（含行使政府职能的管委会）、department 部门',
});

/** Filters shared by the list, the stats and the export. */
export const corpusFilterQuery = z.strictObject({
  region: z.string().max(100).optional().meta({ description: '地区（省、市、县区名，如 泉州市、洛江区）' }),
  kind: bodyKindSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: '年度' }),
  format: z.enum(['2019', '2021']).optional().meta({ description: '格式版本' }),
  late: bool.optional().meta({ description: '是否逾期发布' }),
  hasErrors: bool.optional().meta({ description: '是否有错误' }),
  problem: z.enum(problemKinds).optional().meta({
    description:
      '只看有这类错误的报告：report 报告本身的错误（核查发现的，check.*），reading 未能读出的数字（读取时无法确定、记为空值的单元格，assemble.*、read.*）',
  }),
  agency: z.string().max(200).optional().meta({ description: '机关编号，或机关名称中的文字' }),
  latest: bool.optional().meta({ description: '每个机关每个年度只取最新版本' }),
});
export type CorpusFilterQuery = z.output<typeof corpusFilterQuery>;

/**
 * Offset paging (发布情况's bodies, 统计's groups, 机关): `offset` skips, `limit` (1–1000) caps, and
 * without `limit` everything from `offset` comes. Each answer words them for what it lists.
 */
const paging = ({ offset, limit }: { offset: string; limit: string }) => ({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).meta({ description: offset }),
  limit: z.coerce.number().int().min(1).max(1000).optional().meta({ description: limit }),
});

export const corpusListQuery = corpusFilterQuery.extend({
  after: z.string().max(100).optional().meta({ description: '上一页返回的 next（键集分页）' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .meta({ description: '每页条数（1–1000，默认 100）' }),
});

export const corpusReportRow = z
  .object({
    id: z.number().int(),
    bodyId: z.string().nullable(),
    agency: z.string().nullable(),
    region: z.string(),
    kind: bodyKindSchema.nullable(),
    year: z.number().int().nullable(),
    version: z.number().int(),
    format: z.enum(['2019', '2021']),
    sourceType: z.string(),
    publishedOn: z.string().nullable(),
    signedOn: z.string().nullable(),
    deadline: z.string().nullable(),
    late: z.boolean(),
    file: z.string(),
    sha256: z.string(),
    size: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
    unread: z.number().int().meta({
      description:
        '错误中读取时未能读出的（数字无法确定、记为空值，换一份原文可能读得出），其余是报告本身的错误',
    }),
    ingestedAt: z.string(),
  })
  .meta({ id: 'CorpusReport', title: '报告库中的一份报告（一个版本）' });
export type CorpusReportRow = z.infer<typeof corpusReportRow>;

export const corpusListResponse = z.object({
  rows: z.array(corpusReportRow),
  next: z.string().nullable().meta({ description: '下一页的 after；最后一页为 null' }),
  total: z.number().int().meta({ description: '符合筛选条件的报告总数' }),
});

export const corpusFinding = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    line: z.number().int().nullable(),
    column: z.number().int().nullable(),
    page: z.number().int().optional().meta({ description: 'PDF 的页码（从 1 起）' }),
    keys: z.array(z.string()),
    actual: z.string().optional(),
    expected: z.string().optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'CorpusFinding', title: '问题' });

export const corpusReportParams = z.object({
  reportId: z.coerce.number().int().min(1).max(2_147_483_647).meta({ description: '报告编号' }),
});

export const corpusReportDetail = z.object({
  report: corpusReportRow,
  cells: z.record(z.string(), z.number().nullable()),
  sections: z.array(
    z.object({
      number: z.number().int(),
      title: z.string(),
      text: z.string(),
      line: z.number().int().nullable(),
    }),
  ),
  findings: z.array(corpusFinding),
  source: z.object({
    file: z.string(),
    sourceType: z.string(),
    text: z.string().meta({ description: '解码后的原文（文本、网页、DOCX）' }),
    hasBytes: z.boolean().meta({
      description: '能否取得原文件：库中保存了原文件，或导入时的文件仍在原处且未改动（SHA-256 相同）',
    }),
  }),
  versions: z.array(z.object({ id: z.number().int(), version: z.number().int(), sha256: z.string() })),
});

export const statsQuery = corpusFilterQuery.extend({
  by: z
    .enum(statsDimensions)
    .optional()
    .meta({
      description: `分组：${statsDimensionsText}；按省、市时名称未写明该级地区的机关按名称中最高一级的地区计`,
    }),
});

/** The order of the groups: a column of the stats export (`statsColumns`), checked by the route. */
/** A column to sort 统计 by, as written (the route checks it is one of the export's columns). */
export const statsSortColumn = z
  .string()
  .regex(/^[A-Za-z0-9.]{1,60}$/, '排序列应为统计导出的列名，如 reports、applications.new、rate.onTime');

const statsOrder = {
  sort: statsSortColumn.optional().meta({
    description:
      '按哪一列排序：统计导出的列名（label、reports、onTime、withErrors、可比指标的编号如 applications.new、占比如 rate.outcome.open 等）；不填按分组代码排',
  }),
  order: z
    .enum(['asc', 'desc'])
    .default('desc')
    .meta({ description: '排序方向（默认 desc，从大到小；空值总在最后）' }),
};

/**
 * 统计 with its groups sorted and paged: by body a national corpus has 28,000 groups, too many for
 * one answer to a table. Without `limit` every group comes, as the charts and filters need.
 */
export const statsPageQuery = statsQuery.extend({
  ...statsOrder,
  ...paging({
    offset: '跳过排序后的前多少组（分页用，默认 0）',
    limit: '最多答复多少组（1–1000；不填则答复全部）',
  }),
});

export const statsExportQuery = statsQuery.extend({
  ...statsOrder,
  to: z.enum(['csv', 'xlsx']).default('csv').meta({ description: '导出格式' }),
});

export const statsRow = z.object({
  group: z.string(),
  label: z.string(),
  reports: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  undated: z.number().int(),
  format2019: z.number().int(),
  format2021: z.number().int(),
  withErrors: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  measures: z.record(z.string(), z.number()),
  rates: z.record(z.string(), z.number().nullable()),
  findings: z.record(z.string(), z.number().int()),
});

export const statsResponse = z
  .object({
    by: z.enum(statsDimensions).nullable(),
    total: z.number().int().describe('分页前的组数'),
    rows: z.array(statsRow).describe('排序后从 offset 起的至多 limit 组'),
    findings: z.array(z.object({ code: z.string(), severity: z.string(), count: z.number().int() })),
    measures: z.array(z.object({ id: z.string(), label: z.string() })).meta({
      description: '统计指标的编号与名称：可比指标（2019 与 2021 年版格式通用），及正文所述的信息处理费',
    }),
    rateLabels: z.record(z.string(), z.string()),
    timings: z.record(z.string(), z.number()),
  })
  .meta({ id: 'CorpusStats', title: '报告库统计' });

export const exportQuery = corpusFilterQuery.extend({
  to: z.enum(['csv', 'xlsx']).default('csv').meta({ description: '导出格式' }),
});

export const ingestResult = z.object({
  path: z.string(),
  status: z.enum(['new', 'version', 'known', 'unreadable']),
  sha256: z.string().optional(),
  id: z.number().int().optional(),
  version: z.number().int().optional(),
  reason: z.string().optional(),
});

export const uploadResponse = z
  .object({
    read: z.number().int(),
    added: z.number().int(),
    known: z.number().int(),
    versions: z.number().int(),
    unreadable: z.array(z.object({ path: z.string(), reason: z.string() })),
    results: z.array(ingestResult),
  })
  .meta({ id: 'IngestSummary', title: '导入汇总' });

/**
 * What an upload answers as it goes (`Accept: application/x-ndjson`), one JSON line each: how many
 * reports an uploaded file holds, each report's result as it is ingested, the summary last; an
 * error after progress began is the last line.
 */
export type UploadEvent =
  | { type: 'files'; count: number }
  | { type: 'file'; result: z.output<typeof ingestResult> }
  | { type: 'summary'; summary: z.output<typeof uploadResponse> }
  | { type: 'error'; code: string; message: string };

export const corpusBody = z
  .object({
    id: z.string(),
    name: z.string(),
    province: z.string().nullable(),
    city: z.string().nullable(),
    county: z.string().nullable(),
    region: z.string(),
    kind: bodyKindSchema,
    mergedInto: z.string().nullable(),
    dissolvedIn: z
      .number()
      .int()
      .nullable()
      .describe('撤销年份：该机关自该年度起不再发布年度报告（机构改革等）；null 为未撤销'),
    expectedFrom: z
      .number()
      .int()
      .nullable()
      .describe(
        '应发布起始年度（应发布名录）：该机关自该年度起应发布年度报告，报告库中没有其报告也列为应发布；null 为自报告库中其最早一份报告的年度起',
      ),
    corrected: z.boolean(),
  })
  .meta({ id: 'CorpusBody', title: '报告库中的机关' });

export const corpusListedBody = corpusBody
  .extend({ reports: z.number().int().describe('报告库中该机关的报告份数（各版本分别计）') })
  .meta({ id: 'CorpusListedBody', title: '报告库中的机关（列表）' });

/**
 * 机关's query: text in the name or region, a kind, and a page: a national corpus has some 28,000
 * bodies, too many for one answer to a table or a select. Without `limit` every body comes.
 */
export const bodiesQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: '机关名称或所在地区中的文字（去掉首尾空白；为空则不限）' }),
  kind: bodyKindSchema.optional(),
  ...paging({
    offset: '跳过排序后的前多少个机关（分页用，默认 0）',
    limit: '最多答复多少个机关（1–1000；不填则答复全部）',
  }),
});

export const corpusBodiesResponse = z
  .object({
    rows: z.array(corpusListedBody).describe('按地区、名称排序后从 offset 起的至多 limit 个机关'),
    total: z.number().int().describe('分页前符合条件的机关数'),
  })
  .meta({ id: 'CorpusBodies', title: '报告库中的机关（一页）' });

export const corpusBodyParams = z.strictObject({ bodyId: recordId });

/** A place name as a person corrects it: empty means unknown (`null`). */
const placeName = z
  .string()
  .trim()
  .max(50, '地名过长（不超过 50 个字）')
  .nullable()
  .transform((v) => (v === '' ? null : v));

/** A body's 撤销年份 as a person sets it: `null` clears it. */
const dissolvedYear = z
  .number()
  .int(dissolvedYearsText)
  .min(dissolvedYears.min, dissolvedYearsText)
  .max(dissolvedYears.max, dissolvedYearsText)
  .nullable()
  .describe('撤销年份：该机关自该年度起不再发布年度报告（机构改革等）；null 清除');

/** The year a body owes reports from (应发布名录), as a person sets it: `null` clears it. */
const expectedYear = z
  .number()
  .int(expectedYearsText)
  .min(dissolvedYears.min, expectedYearsText)
  .max(dissolvedYears.max, expectedYearsText)
  .nullable()
  .describe('应发布起始年度：该机关自该年度起应发布年度报告（应发布名录）；null 清除');

/** A person's correction of a body: only the fields given change. */
export const bodyPatchBody = z
  .object({
    name: z.string().trim().min(1, '请填写机关名称').max(100, '名称过长（不超过 100 个字）').optional(),
    province: placeName.optional(),
    city: placeName.optional(),
    county: placeName.optional(),
    kind: bodyKindSchema.optional(),
    dissolvedIn: dissolvedYear.optional(),
    expectedFrom: expectedYear.optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), '没有要修改的内容')
  .meta({ id: 'CorpusBodyPatch', title: '修改报告库中的机关' });

const places = z.object({
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
});

export const placeSuggestion = z
  .object({
    bodyId: z.string(),
    name: z.string(),
    current: places.describe('机关现在的地区'),
    suggested: places.describe('补全后的地区（县区不变，已有的省、市不变）'),
    evidence: z.array(z.string()).describe('名称写明了补全的地区的其他机关（至多 3 个），供核对'),
  })
  .meta({ id: 'PlaceSuggestion', title: '按报告库中其他机关的名称补全机关的所属地区（建议）' });
export type PlaceSuggestion = z.infer<typeof placeSuggestion>;

/** Most bodies one request takes the suggested places of. */
export const placesMaxBodies = 1000;

export const applyPlacesBody = z
  .object({
    bodyIds: z
      .array(recordId)
      .min(1)
      .max(placesMaxBodies)
      .describe('采用建议的机关（只采用当前仍有建议的机关）'),
  })
  .strict()
  .meta({ id: 'CorpusApplyPlaces', title: '采用补全所属地区的建议' });

/** Most names one list of the bodies that must publish may hold. */
export const rosterMaxNames = 5000;

export const rosterBody = z
  .object({
    names: z
      .array(z.string().trim().max(100, '名称过长（不超过 100 个字）'))
      .max(rosterMaxNames, `名录过长（一次至多 ${rosterMaxNames} 个机关）`)
      .refine((names) => names.some((n) => n !== ''), '名录中没有机关名称')
      .describe('机关名称，每项一个（空项略去，重复的只计一次）'),
    from: z
      .number()
      .int(expectedYearsText)
      .min(dissolvedYears.min, expectedYearsText)
      .max(dissolvedYears.max, expectedYearsText)
      .describe('自该年度起应发布年度报告'),
  })
  .strict()
  .meta({ id: 'CorpusRoster', title: '导入应发布名录' });

export const rosterEntry = z
  .object({
    name: z.string().describe('名录中的名称'),
    bodyId: z.string(),
    bodyName: z.string().describe('报告库中该机关的名称（名录的写法可能是其另一种写法）'),
    created: z.boolean().describe('报告库中原来没有该机关（新建）'),
    expectedFrom: z.number().int().describe('现在的应发布起始年度（名录的与此前设定的较早者）'),
  })
  .meta({ id: 'CorpusRosterEntry', title: '应发布名录中的一个机关' });

export const bodyMergeBody = z
  .object({ into: recordId })
  .strict()
  .meta({ id: 'CorpusBodyMerge', title: '把机关合并到另一个机关' });

export const crossFinding = corpusFinding
  .extend({
    file: z.string(),
    agency: z.string().nullable(),
    year: z.number().int().nullable(),
    reportId: z.number().int(),
    otherReportId: z.number().int().optional(),
  })
  .meta({ id: 'CorpusCrossFinding', title: '跨报告核查的问题' });

export const scoreBody = z
  .object({
    pack: z.union([
      z.string().min(1).max(100).describe('随 Gongkai 提供的评估规则包的编号（GET /api/corpus/packs）'),
      packSchema.describe('自己的评估规则包（与 spec/packs 中的文件格式相同）'),
    ]),
  })
  .strict()
  .meta({ id: 'CorpusScoreRequest', title: '按评估规则包评分' });
export type ScoreBody = z.output<typeof scoreBody>;

export const scoreItem = z.object({
  rule: z.string(),
  label: z.string(),
  count: z.number().nullable(),
  points: z.number(),
  citation: z.string(),
});

export const reportScore = z
  .object({
    reportId: z.number().int(),
    file: z.string(),
    agency: z.string().nullable(),
    region: z.string().meta({ description: '机关所在地区（省、市、县区）' }),
    kind: bodyKindSchema.nullable(),
    year: z.number().int().nullable(),
    score: z.number(),
    items: z.array(scoreItem),
    notAssessed: z.array(z.string()),
  })
  .meta({ id: 'CorpusReportScore', title: '一份报告的得分' });

export const scoreResponse = z
  .object({
    pack: z.object({ id: z.string(), name: z.string(), source: z.string() }),
    scores: z.array(reportScore),
  })
  .meta({ id: 'CorpusScores', title: '评分结果' });

const regionLevelText = regionLevels.map((l) => `${l} 按${regionLevelNames[l]}`).join('、');

export const regionLevelSchema = z.enum(regionLevels).meta({ description: regionLevelText });

/**
 * 发布情况: the filters that apply to bodies, the year (default: the year before today's) and the
 * level its regions are summed up at.
 */
const publicationFilterQuery = corpusFilterQuery
  .pick({
    region: true,
    kind: true,
    agency: true,
    year: true,
  })
  .extend({
    level: z
      .enum(regionLevels)
      .optional()
      .meta({
        description: `按地区汇总的层级（${regionLevelText}）；不填则从机关所在地区开始不同的最高一级汇总（全国按省，一省之内按市，一市之内按县区）。名称未写明该级地区的机关按其名称中最高一级的地区计`,
      }),
  });

/**
 * 发布情况's query: its filters, the statuses whose bodies to list (the counts stay those of every
 * status), so a page that shows only the bodies without a report doesn't fetch every body, and a
 * page of them: a national corpus lists some 28,000 bodies, too many for one answer to a table.
 * Without `limit` every listed body comes, as 监督概览 needs for its notice and matrix marks.
 */
export const publicationQuery = publicationFilterQuery.extend({
  status: z
    .string()
    .max(100)
    .transform((text, ctx) => {
      const listed = text.split(',').filter((s) => s !== '');
      const unknown = listed.filter((s) => !(publicationStatuses as readonly string[]).includes(s));
      if (unknown.length > 0 || listed.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: `发布情况「${unknown.join(',') || text}」无效，应为 ${publicationStatuses.join('、')}（可用逗号分隔多个）`,
        });
        return z.NEVER;
      }
      return listed as PublicationStatus[];
    })
    .optional()
    .meta({
      description: `只列出这些发布情况的机关（逗号分隔：${publicationStatuses.join('、')}）；各项计数仍为全部机关的`,
    }),
  ...paging({
    offset: '跳过列出的前多少个机关（分页用，默认 0）',
    limit: '最多列出多少个机关（1–1000；不填则列出全部）',
  }),
});
export type PublicationQuery = z.output<typeof publicationQuery>;

export const publicationExportQuery = publicationFilterQuery.extend({
  to: z.enum(['csv', 'xlsx', 'docx', 'md']).default('csv').meta({
    description:
      '导出格式：csv、xlsx（每个机关一行，XLSX 另有按地区和汇总工作表），或发布情况通报的草稿 docx（按 GB/T 9704 排版）、md',
  }),
  issuer: z
    .string()
    .max(100)
    .optional()
    .meta({ description: '通报的发文机关署名；不填则留作【待补充：发文机关】' }),
});

export const publicationStatusSchema = z.enum(publicationStatuses).meta({
  description: Object.entries(publicationStatusNames)
    .map(([k, v]) => `${k} ${v}`)
    .join('、'),
});

const isoDateText = z.string().meta({ description: 'YYYY-MM-DD' });

/** A body's status for one year and the days past or left to its deadline (发布情况, 机关档案). */
const yearStatusFields = {
  status: publicationStatusSchema,
  deadline: isoDateText.describe('该机关类型的法定发布期限'),
  daysLate: z
    .number()
    .int()
    .nullable()
    .describe('逾期天数：逾期发布时按较晚的日期计，逾期未发布时按今天计；其他为 null'),
  daysLeft: z.number().int().nullable().describe('尚未到期时距期限的天数（当天为 0）；其他为 null'),
};

export const bodyPublication = z
  .object({
    bodyId: z.string(),
    name: z.string(),
    region: z.string(),
    kind: bodyKindSchema,
    ...yearStatusFields,
    reportId: z.number().int().nullable().describe('该年度报告（最新版本）；未发布时为 null'),
    publishedOn: z.string().nullable(),
    signedOn: z.string().nullable(),
    lastYear: z.number().int().nullable().describe('报告库中该机关此前最近一份报告的年度'),
  })
  .meta({ id: 'BodyPublication', title: '一个机关某年度报告的发布情况' });
export type BodyPublication = z.infer<typeof bodyPublication>;

const statusCounts = {
  overdue: z.number().int(),
  pending: z.number().int(),
  late: z.number().int(),
  undated: z.number().int(),
  onTime: z.number().int(),
};

export const regionPublication = z
  .object({
    region: z.string().describe('地区（省、市、县区名连写）；地区未知的机关为空字符串'),
    expected: z.number().int().describe('该地区应发布的机关数'),
    ...statusCounts,
  })
  .meta({ id: 'RegionPublication', title: '一个地区的机关某年度报告的发布情况' });
export type RegionPublication = z.infer<typeof regionPublication>;

export const publicationResponse = z
  .object({
    year: z.number().int(),
    today: isoDateText.describe('按哪一天判断是否已过期限（中国时间的今天）'),
    deadlines: z.object({ government: isoDateText, department: isoDateText }),
    counts: z.object({
      expected: z
        .number()
        .int()
        .describe(
          '应发布的机关数：报告库中有该年度或更早年度报告的机关，以及应发布名录自该年度或更早起列有的机关；已撤销的机关自撤销年份起不再计入（报告库中仍有其该年度报告的除外）',
        ),
      ...statusCounts,
    }),
    listed: z.number().int().describe('分页前符合发布情况筛选（status）的机关数；不筛选时等于应发布的机关数'),
    bodies: z.array(bodyPublication).describe('列出的机关中从 offset 起的至多 limit 个'),
    level: regionLevelSchema.describe('按地区汇总的层级（请求的，或自动选择的）'),
    regions: z
      .array(regionPublication)
      .describe(
        `按地区汇总：逾期未发布最多的地区在前（其次尚未到期多的、应发布多的），至多 ${publicationRegionsListed} 个；与 status、offset、limit 无关`,
      ),
    regionCount: z.number().int().describe('地区总数（可能多于列出的地区）'),
  })
  .meta({ id: 'Publication', title: '某年度报告的发布情况' });
export type PublicationResponse = z.infer<typeof publicationResponse>;

export const bodyYear = z
  .object({
    year: z.number().int(),
    ...yearStatusFields,
    report: corpusReportRow.nullable().describe('该年度报告的最新版本；未发布时为 null'),
    versions: z.number().int().describe('报告库中该年度报告的版本数'),
  })
  .meta({ id: 'BodyYear', title: '机关某年度的报告与发布情况' });
export type BodyYear = z.infer<typeof bodyYear>;

export const bodyHistoryResponse = z
  .object({
    body: corpusBody.extend({
      names: z.array(z.string()).describe('该机关的报告署过的名称（用得多的在前）'),
      reports: z.number().int().describe('报告库中该机关的报告份数（各版本分别计）'),
    }),
    today: isoDateText.describe('按哪一天判断是否已过期限（中国时间的今天）'),
    years: z
      .array(bodyYear)
      .describe(
        '自报告库中该机关最早一份报告的年度起，到今天已到发布年份的年度止，逐年一项（早的在前）；已撤销的机关自撤销年份起没有报告的年度不列',
      ),
    undated: z.array(corpusReportRow).describe('读不出年度的报告（不在 years 中）'),
  })
  .meta({ id: 'CorpusBodyHistory', title: '机关档案：一个机关各年度的报告与发布情况' });
export type BodyHistoryResponse = z.infer<typeof bodyHistoryResponse>;

/** Most bodies one request of the cross-report checks goes through (the CLI has no limit). */
export const checksMaxBodies = 1000;

const letterFormat = z.enum(['docx', 'md']).default('docx').meta({
  description: '核查意见的格式：docx（按 GB/T 9704 排版，默认）或 md（Markdown）',
});

/** 发文机关署名 of a draft (通报, 核查意见, 催报提醒). */
const issuer = z
  .string()
  .max(100)
  .optional()
  .meta({ description: '发文机关署名（如 泉州市人民政府办公室）；不填则留作【待补充：发文机关】' });

/** One report's 核查意见. */
export const letterQuery = z.strictObject({ to: letterFormat, issuer });

/** 核查意见 in a batch: the filter's newest reports, a ZIP of one file each. */
export const lettersQuery = corpusFilterQuery.extend({
  to: letterFormat,
  issuer,
  all: bool.optional().meta({
    description: '连同按时发布、未发现问题的报告全部生成（默认只生成逾期、未注日期或发现问题的）',
  }),
});

/** 整改情况's filter: the bodies (region, kind, agency) and the year. */
const correctionsFilterQuery = corpusFilterQuery.pick({ region: true, kind: true, agency: true, year: true });

/**
 * 整改情况 listed a page at a time (over a national corpus and every year, some 100,000 reports had
 * problems first): the rows of one status, from `offset`, at most `limit`; the counts of all.
 */
export const correctionsQuery = correctionsFilterQuery.extend({
  status: z
    .enum(correctionStatuses)
    .optional()
    .meta({ description: '只列出该整改情况的报告；计数仍为全部的' }),
  ...paging({
    offset: '跳过列出的前多少份（分页用，默认 0）',
    limit: '最多列出多少份（1–1000；不填则列出全部）',
  }),
});

export const correctionsExportQuery = correctionsFilterQuery.extend({
  to: z.enum(['csv', 'xlsx']).default('csv').meta({ description: '导出格式' }),
});

const versionProblems = z.object({
  reportId: z.number().int(),
  version: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  codes: z.array(z.string()).describe('问题代码（check.*，不含是否逾期），各一次'),
});

export const correctionsResponse = z
  .object({
    counts: z.record(z.enum(correctionStatuses), z.number().int()),
    listed: z.number().int().describe('分页前列出的份数（status 筛选后）'),
    rows: z.array(
      z.object({
        bodyId: z.string(),
        name: z.string(),
        region: z.string(),
        kind: bodyKindSchema.nullable(),
        year: z.number().int(),
        versions: z.number().int(),
        status: z.enum(correctionStatuses).meta({
          description: 'unchanged 未更正、notImproved 新版本未改善、improved 部分更正、corrected 已更正',
        }),
        first: versionProblems.describe('报告库中该机关该年度的首个版本'),
        latest: versionProblems.describe('最新版本'),
        fixed: z.array(z.string()).describe('首个版本有、最新版本已没有的问题代码'),
        remaining: z.array(z.string()).describe('最新版本仍有的问题代码'),
      }),
    ),
  })
  .meta({ id: 'CorpusCorrections', title: '整改情况' });

/** Most 催报提醒 one request writes (a ZIP of documents made in memory). */
export const remindersMax = 2000;

/** 催报提醒 to the bodies overdue for a year, in the scope of 发布情况's filter: a ZIP. */
export const remindersQuery = publicationFilterQuery
  .omit({ level: true })
  .extend({ to: letterFormat, issuer });

/** Largest upload (all files together), bytes. */
export const uploadLimitBytes = 50 * 1024 * 1024;
/** Most files in one upload. */
export const uploadMaxFiles = 200;

/** The routes, as the web app calls them. */
export const corpusEndpoints = {
  list: { method: 'GET', url: '/api/corpus/reports', query: corpusListQuery, response: corpusListResponse },
  report: {
    method: 'GET',
    url: '/api/corpus/reports/:reportId',
    params: corpusReportParams,
    response: corpusReportDetail,
  },
  source: { method: 'GET', url: '/api/corpus/reports/:reportId/source', params: corpusReportParams },
  letter: {
    method: 'GET',
    url: '/api/corpus/reports/:reportId/letter',
    params: corpusReportParams,
    query: letterQuery,
  },
  letters: { method: 'GET', url: '/api/corpus/letters', query: lettersQuery },
  stats: { method: 'GET', url: '/api/corpus/stats', query: statsPageQuery, response: statsResponse },
  statsExport: { method: 'GET', url: '/api/corpus/stats/export', query: statsExportQuery },
  checks: {
    method: 'GET',
    url: '/api/corpus/checks',
    query: corpusFilterQuery,
    response: z.array(crossFinding),
  },
  checksExport: { method: 'GET', url: '/api/corpus/checks/export', query: exportQuery },
  bodies: { method: 'GET', url: '/api/corpus/bodies', query: bodiesQuery, response: corpusBodiesResponse },
  bodyHistory: {
    method: 'GET',
    url: '/api/corpus/bodies/:bodyId',
    params: corpusBodyParams,
    response: bodyHistoryResponse,
  },
  correctBody: {
    method: 'PATCH',
    url: '/api/corpus/bodies/:bodyId',
    params: corpusBodyParams,
    body: bodyPatchBody,
    response: corpusBody,
  },
  placeSuggestions: {
    method: 'GET',
    url: '/api/corpus/bodies/places',
    response: z.array(placeSuggestion),
  },
  applyPlaces: {
    method: 'POST',
    url: '/api/corpus/bodies/places',
    body: applyPlacesBody,
    response: z.array(corpusBody),
  },
  importRoster: {
    method: 'POST',
    url: '/api/corpus/bodies/roster',
    body: rosterBody,
    response: z.array(rosterEntry),
  },
  mergeBody: {
    method: 'POST',
    url: '/api/corpus/bodies/:bodyId/merge',
    params: corpusBodyParams,
    body: bodyMergeBody,
    response: corpusBody,
  },
  publication: {
    method: 'GET',
    url: '/api/corpus/publication',
    query: publicationQuery,
    response: publicationResponse,
  },
  publicationExport: { method: 'GET', url: '/api/corpus/publication/export', query: publicationExportQuery },
  reminders: { method: 'GET', url: '/api/corpus/publication/reminders', query: remindersQuery },
  corrections: {
    method: 'GET',
    url: '/api/corpus/corrections',
    query: correctionsQuery,
    response: correctionsResponse,
  },
  correctionsExport: { method: 'GET', url: '/api/corpus/corrections/export', query: correctionsExportQuery },
  packs: { method: 'GET', url: '/api/corpus/packs', response: z.array(packSchema) },
  score: {
    method: 'POST',
    url: '/api/corpus/score',
    query: corpusFilterQuery,
    body: scoreBody,
    response: scoreResponse,
  },
  scoreExport: { method: 'POST', url: '/api/corpus/score/export', query: exportQuery, body: scoreBody },
  export: { method: 'GET', url: '/api/corpus/export', query: exportQuery },
  upload: { method: 'POST', url: '/api/corpus/upload', response: uploadResponse },
} as const;
