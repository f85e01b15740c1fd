/** 国办公开办函〔2021〕30号: the format for reports on 2021 and later years. */
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
import type { FormatSpec, RowSpec } from './types.js';

const results = label('三、本年度办理结果', ['本年度办理结果']);
const corner = label('信息内容');

const otherRows: RowSpec[] = [
  applicationRow(
    'other.noCorrection',
    [
      results,
      otherGroup,
      label('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['逾期不补正', '不补正']),
    ],
    { numbering: '1' },
  ),
  applicationRow(
    'other.noFee',
    [
      results,
      otherGroup,
      label('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [
        '逾期未按收费',
        '收费通知',
        '缴纳费用',
      ]),
    ],
    { numbering: '2' },
  ),
  applicationRow('other.other', [results, otherGroup, label('3.其他', ['其他'])], {
    numbering: '3',
    numberedKey: true,
  }),
];

const applicationRows = [...headRows, ...otherRows, ...totalRows];

export const format2021: FormatSpec = {
  id: '2021',
  document: '国办公开办函〔2021〕30号',
  years: { from: 2021, to: null },
  signatures: [
    '本年制发件数',
    '本年发件数',
    '本年废止件数',
    '现行有效件数',
    '本年处理决定数量',
    '本年收费金额',
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
            { id: 'issued', path: [label('本年制发件数', ['本年制发件数'], ['本年发件数'])] },
            { id: 'repealed', path: [label('本年废止件数')] },
            { id: 'inForce', path: [label('现行有效件数')] },
          ],
          rows: [
            {
              id: 'rules',
              path: [label('规章')],
              cells: [
                { key: 'p.rules.issued', type: 'int' },
                { key: 'p.rules.repealed', type: 'int' },
                { key: 'p.rules.inForce', type: 'int' },
              ],
            },
            {
              id: 'normative',
              path: [label('行政规范性文件', ['规范性文件'])],
              cells: [
                { key: 'p.normative.issued', type: 'int', prose: ['制发', '印发', '出台', '制定'] },
                { key: 'p.normative.repealed', type: 'int', prose: ['废止', '失效'] },
                { key: 'p.normative.inForce', type: 'int', prose: ['现行有效'] },
              ],
            },
          ],
        },
        {
          id: 'item5',
          caption: label('第二十条第（五）项'),
          corner,
          columns: [{ id: 'decisions', path: [label('本年处理决定数量')] }],
          rows: [
            {
              id: 'license',
              path: [label('行政许可')],
              cells: [{ key: 'p.license.decisions', type: 'int' }],
            },
          ],
        },
        {
          id: 'item6',
          caption: label('第二十条第（六）项'),
          corner,
          columns: [{ id: 'decisions', path: [label('本年处理决定数量')] }],
          rows: [
            {
              id: 'penalty',
              path: [label('行政处罚')],
              cells: [{ key: 'p.penalty.decisions', type: 'int' }],
            },
            {
              id: 'coercion',
              path: [label('行政强制')],
              cells: [{ key: 'p.coercion.decisions', type: 'int' }],
            },
          ],
        },
        {
          id: 'item8',
          caption: label('第二十条第（八）项'),
          corner,
          columns: [{ id: 'amount', path: [label('本年收费金额（单位：万元）', ['本年收费金额'])] }],
          rows: [
            {
              id: 'fees',
              path: [label('行政事业性收费', ['事业性收费'])],
              cells: [{ key: 'p.fees.amount', type: 'decimal', unit: '万元' }],
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
        {
          id: 'applications',
          note: applicationsNote,
          columns: applicantColumns,
          rows: applicationRows,
          collapsible: [{ label: otherGroup, rows: otherRows.map((r) => r.id) }],
        },
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
