/**
 * Parts the two formats share: sections, the applicant columns and rows of table 三, table 四,
 * and the identities built from them. Both format files compose their specs from these.
 */
import type {
  CellSpec,
  ColumnSpec,
  IdentitySpec,
  LabelSpec,
  RowSpec,
  SectionSpec,
  TablePartSpec,
} from './types.js';

export const label = (
  official: string,
  keys?: readonly string[],
  variants?: readonly string[],
): LabelSpec => {
  const spec: LabelSpec = { official };
  if (keys) (spec as { keys?: readonly string[] }).keys = keys;
  if (variants) (spec as { variants?: readonly string[] }).variants = variants;
  return spec;
};

export const sections: readonly SectionSpec[] = [
  { number: 1, numeral: '一', title: '总体情况', keys: ['总体情况'], lead: 4 },
  {
    number: 2,
    numeral: '二',
    title: '主动公开政府信息情况',
    keys: ['主动公开政府信息'],
    lead: 4,
    table: 'proactive',
  },
  {
    number: 3,
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    keys: ['收到和处理政府信息公开申请', '依申请公开'],
    lead: 4,
    table: 'applications',
  },
  {
    number: 4,
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    keys: ['行政复议'],
    lead: 16,
    table: 'litigation',
  },
  { number: 5, numeral: '五', title: '存在的主要问题及改进情况', keys: ['主要问题', '存在问题'], lead: 12 },
  { number: 6, numeral: '六', title: '其他需要报告的事项', keys: ['其他需要报告'], lead: 4 },
];

// ---- table 三: applicant columns -------------------------------------------------------------

const applicant = label('申请人情况');
const legal = label('法人或其他组织');

export const applicantColumns: readonly ColumnSpec[] = [
  { id: 'np', path: [applicant, label('自然人')] },
  { id: 'biz', path: [applicant, legal, label('商业企业')] },
  { id: 'res', path: [applicant, legal, label('科研机构')] },
  { id: 'ngo', path: [applicant, legal, label('社会公益组织', ['社会公益组织'], ['社会组织'])] },
  { id: 'law', path: [applicant, legal, label('法律服务机构')] },
  { id: 'oth', path: [applicant, legal, label('其他')] },
  { id: 'total', path: [applicant, label('总计')] },
];

export const applicantColumnIds = applicantColumns.map((c) => c.id);

/** Chinese names of the applicant columns, for messages. */
export const applicantColumnNames: Record<string, string> = {
  np: '自然人',
  biz: '商业企业',
  res: '科研机构',
  ngo: '社会公益组织',
  law: '法律服务机构',
  oth: '其他',
  total: '总计',
};

/** The row's own label as the format writes it. */
export const rowName = (row: RowSpec): string => row.path.at(-1)?.official ?? row.id;
const partColumnIds = applicantColumnIds.slice(0, 6);

const intCells = (prefix: string, columns: readonly string[]): CellSpec[] =>
  columns.map((c) => ({ key: `${prefix}.${c}`, type: 'int' }));

/** A row of table 三: its label path and the seven applicant cells. */
export const applicationRow = (
  id: string,
  path: readonly LabelSpec[],
  extra: Partial<Pick<RowSpec, 'numbering' | 'numberedKey'>> = {},
): RowSpec => ({ id, path, cells: intCells(`a.${id}`, applicantColumnIds), ...extra });

const results = label('三、本年度办理结果', ['本年度办理结果']);
const deny = label('（三）不予公开', ['不予公开']);
const none = label('（四）无法提供', ['无法提供']);
const reject = label('（五）不予处理', ['不予处理']);
export const otherGroup = label('（六）其他处理', ['其他处理']);

export const headRows: readonly RowSpec[] = [
  applicationRow('new', [label('一、本年新收政府信息公开申请数量', ['本年新收'])]),
  applicationRow('prev', [label('二、上年结转政府信息公开申请数量', ['上年结转'])]),
  applicationRow('open', [results, label('（一）予以公开', ['予以公开'])]),
  applicationRow('partial', [
    results,
    label('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ['部分公开']),
  ]),
  applicationRow('deny.secret', [results, deny, label('1.属于国家秘密', ['国家秘密'])], { numbering: '1' }),
  applicationRow(
    'deny.law',
    [results, deny, label('2.其他法律行政法规禁止公开', ['禁止公开', '其他法律行政法规'])],
    {
      numbering: '2',
    },
  ),
  applicationRow(
    'deny.security',
    [results, deny, label('3.危及“三安全一稳定”', ['三安全一稳定', '三安全'])],
    {
      numbering: '3',
    },
  ),
  applicationRow('deny.thirdParty', [results, deny, label('4.保护第三方合法权益', ['第三方'])], {
    numbering: '4',
  }),
  applicationRow('deny.internal', [results, deny, label('5.属于三类内部事务信息', ['内部事务'])], {
    numbering: '5',
  }),
  applicationRow('deny.process', [results, deny, label('6.属于四类过程性信息', ['过程性'])], {
    numbering: '6',
  }),
  applicationRow('deny.enforcement', [results, deny, label('7.属于行政执法案卷', ['执法案卷'])], {
    numbering: '7',
  }),
  applicationRow('deny.query', [results, deny, label('8.属于行政查询事项', ['查询事项'])], {
    numbering: '8',
  }),
  applicationRow('none.notHeld', [results, none, label('1.本机关不掌握相关政府信息', ['不掌握'])], {
    numbering: '1',
  }),
  applicationRow(
    'none.create',
    [results, none, label('2.没有现成信息需要另行制作', ['另行制作', '没有现成'])],
    {
      numbering: '2',
    },
  ),
  applicationRow(
    'none.unclear',
    [results, none, label('3.补正后申请内容仍不明确', ['仍不明确', '补正后申请内容'])],
    {
      numbering: '3',
    },
  ),
  applicationRow('reject.petition', [results, reject, label('1.信访举报投诉类申请', ['信访'])], {
    numbering: '1',
  }),
  applicationRow('reject.repeat', [results, reject, label('2.重复申请', ['重复申请'])], { numbering: '2' }),
  applicationRow(
    'reject.publication',
    [results, reject, label('3.要求提供公开出版物', ['公开出版物', '出版物'])],
    {
      numbering: '3',
    },
  ),
  applicationRow('reject.mass', [results, reject, label('4.无正当理由大量反复申请', ['大量反复'])], {
    numbering: '4',
  }),
  applicationRow(
    'reject.confirm',
    [
      results,
      reject,
      label('5.要求行政机关确认或重新出具已获取信息', ['重新出具', '确认或重新', '要求行政机关确认']),
    ],
    { numbering: '5' },
  ),
];

export const totalRows: readonly RowSpec[] = [
  applicationRow('total', [results, label('（七）总计', ['(七)总计', '七)总计', '总计'])]),
  applicationRow('next', [label('四、结转下年度继续办理', ['结转下年度'])]),
];

export const applicationsNote = label(
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  ['勾稽关系'],
);

/** Identities of table 三 for the given result rows (all rows between 二 and （七）). */
export function applicationIdentities(rows: readonly RowSpec[]): IdentitySpec[] {
  const resultRowIds = rows.map((r) => r.id).filter((id) => !['new', 'prev', 'total', 'next'].includes(id));
  const identities: IdentitySpec[] = [];
  for (const row of rows) {
    identities.push({
      id: `row-sum:${row.id}`,
      code: 'check.row-sum',
      left: [`a.${row.id}.total`],
      right: partColumnIds.map((c) => `a.${row.id}.${c}`),
      description: `「${rowName(row)}」行：总计 = 各类申请人之和`,
    });
  }
  for (const id of applicantColumnIds) {
    const column = id;
    const name = applicantColumnNames[id];
    identities.push({
      id: `results-sum:${column}`,
      code: 'check.results-sum',
      left: [`a.total.${column}`],
      right: resultRowIds.map((r) => `a.${r}.${column}`),
      description: `「${name}」列：（七）总计 = 各项办理结果之和`,
    });
    identities.push({
      id: `balance:${column}`,
      code: 'check.balance',
      left: [`a.new.${column}`, `a.prev.${column}`],
      right: [`a.total.${column}`, `a.next.${column}`],
      description: `「${name}」列：一 + 二 = 三（七）总计 + 四`,
    });
    identities.push({
      id: `balance-results:${column}`,
      code: 'check.balance',
      left: [`a.new.${column}`, `a.prev.${column}`],
      right: [...resultRowIds.map((r) => `a.${r}.${column}`), `a.next.${column}`],
      description: `「${name}」列：一 + 二 = 各项办理结果之和 + 四`,
      derived: true,
    });
  }
  return identities;
}

// ---- table 四 ---------------------------------------------------------------------------------

const review = label('行政复议');
const suit = label('行政诉讼');
const outcomes = [
  ['upheld', label('结果维持')],
  ['corrected', label('结果纠正')],
  ['other', label('其他结果')],
  ['pending', label('尚未审结')],
  ['total', label('总计')],
] as const;
const litigationGroups = [
  ['review', [review]],
  ['direct', [suit, label('未经复议直接起诉')]],
  ['afterReview', [suit, label('复议后起诉')]],
] as const;

export const litigationPart: TablePartSpec = {
  id: 'litigation',
  columns: litigationGroups.flatMap(([group, path]) =>
    outcomes.map(([outcome, own]) => ({ id: `${group}.${outcome}`, path: [...path, own] })),
  ),
  rows: [
    {
      id: 'cases',
      path: [],
      cells: litigationGroups.flatMap(([group]) =>
        outcomes.map(([outcome]) => ({ key: `l.${group}.${outcome}`, type: 'int' as const })),
      ),
    },
  ],
};

const groupNames: Record<string, string> = {
  review: '行政复议',
  direct: '未经复议直接起诉',
  afterReview: '复议后起诉',
};

export const litigationIdentities: readonly IdentitySpec[] = litigationGroups.map(([group]) => ({
  id: `litigation-sum:${group}`,
  code: 'check.litigation-sum',
  left: [`l.${group}.total`],
  right: ['upheld', 'corrected', 'other', 'pending'].map((o) => `l.${group}.${o}`),
  description: `${groupNames[group]}：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
}));
