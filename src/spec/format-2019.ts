/** 国办公开办函〔2019〕60号: the format for reports on 2019 and 2020. */
import {
  applicantColumns,
  applicationIdentities,
  applicationRow,
  applicationsNote,
  headRows,
  label,
  litigationIdentities,
  litigationPart,
  otherGroup,
  sections,
  totalRows,
} from './common.js';
import type { CellSpec, ColumnSpec, FormatSpec, RowSpec } from './types.js';

const results = label('三、本年度办理结果', ['本年度办理结果']);
const corner = label('信息内容');

const itemColumns: readonly ColumnSpec[] = [
  { id: 'prevItems', path: [label('上一年项目数量')] },
  { id: 'change', path: [label('本年增/减', ['本年增/减', '增/减', '本年增减'])] },
  { id: 'decisions', path: [label('处理决定数量')] },
];

const itemCells = (prefix: string, withDecisions = true): CellSpec[] => [
  { key: `${prefix}.prevItems`, type: 'int' },
  { key: `${prefix}.change`, type: 'signed int' },
  ...(withDecisions ? [{ key: `${prefix}.decisions`, type: 'int' as const }] : []),
];

const applicationRows: RowSpec[] = [
  ...headRows,
  applicationRow('other', [results, otherGroup]),
  ...totalRows,
];

export const format2019: FormatSpec = {
  id: '2019',
  document: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  signatures: [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '其他对外管理服务事项',
    '采购项目数量',
    '政府集中采购',
  ],
  sections,
  tables: [
    {
      id: 'proactive',
      section: 2,
      title: '主动公开政府信息情况',
      parts: [
        {
          id: 'item1',
          caption: label('第二十条第（一）项'),
          corner,
          columns: [
            { id: 'made', path: [label('本年新制作数量')] },
            { id: 'published', path: [label('本年新公开数量')] },
            { id: 'total', path: [label('对外公开总数量')] },
          ],
          rows: [
            {
              id: 'rules',
              path: [label('规章')],
              cells: ['made', 'published', 'total'].map((c) => ({
                key: `p.rules.${c}`,
                type: 'int' as const,
              })),
            },
            {
              id: 'normative',
              path: [label('规范性文件')],
              cells: ['made', 'published', 'total'].map((c) => ({
                key: `p.normative.${c}`,
                type: 'int' as const,
              })),
            },
          ],
        },
        {
          id: 'item5',
          caption: label('第二十条第（五）项'),
          corner,
          columns: itemColumns,
          rows: [
            { id: 'license', path: [label('行政许可')], cells: itemCells('p.license') },
            {
              id: 'otherServices',
              path: [label('其他对外管理服务事项', ['对外管理服务'])],
              cells: itemCells('p.otherServices'),
            },
          ],
        },
        {
          id: 'item6',
          caption: label('第二十条第（六）项'),
          corner,
          columns: itemColumns,
          rows: [
            { id: 'penalty', path: [label('行政处罚')], cells: itemCells('p.penalty') },
            { id: 'coercion', path: [label('行政强制')], cells: itemCells('p.coercion') },
          ],
        },
        {
          id: 'item8',
          caption: label('第二十条第（八）项'),
          corner,
          columns: itemColumns.slice(0, 2),
          rows: [
            {
              id: 'fees',
              path: [label('行政事业性收费', ['事业性收费'])],
              cells: itemCells('p.fees', false),
            },
          ],
        },
        {
          id: 'item9',
          caption: label('第二十条第（九）项'),
          corner,
          columns: [
            { id: 'items', path: [label('采购项目数量')] },
            { id: 'amount', path: [label('采购总金额')] },
          ],
          rows: [
            {
              id: 'procurement',
              path: [label('政府集中采购', ['集中采购'])],
              cells: [
                { key: 'p.procurement.items', type: 'int' },
                { key: 'p.procurement.amount', type: 'decimal' },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'applications',
      section: 3,
      title: '收到和处理政府信息公开申请情况',
      parts: [
        { id: 'applications', note: applicationsNote, columns: applicantColumns, rows: applicationRows },
      ],
    },
    {
      id: 'litigation',
      section: 4,
      title: '政府信息公开行政复议、行政诉讼情况',
      parts: [litigationPart],
    },
  ],
  identities: [...applicationIdentities(applicationRows), ...litigationIdentities],
};
