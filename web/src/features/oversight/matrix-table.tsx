/**
 * 机关 × 年度: which agencies have reports in which years, late or with errors; a cell filters the
 * list. In 发布情况's year, a body without the report is marked 逾期未发布 or 未到期.
 */
import { useQueries } from '@tanstack/react-query';
import { Button, Table, type TableColumnsType, Typography } from 'antd';
import type { PublicationResponse } from '../../../../src/api/corpus-contract.js';
import { type CorpusFilter, corpusStatsQuery } from './api.js';
import { agencyYearMatrix, type MatrixRow, markUnpublished } from './matrix.js';

export function MatrixTable({
  filter,
  years,
  publication,
  onPick,
}: {
  filter: CorpusFilter;
  years: readonly number[];
  /** 发布情况 of the default year in the same body filters, when it has come. */
  publication?: Pick<PublicationResponse, 'year' | 'bodies'> | undefined;
  onPick: (agency: string, year: number) => void;
}) {
  const { year: _year, ...rest } = filter;
  const shown: number[] = filter.year ? [Number(filter.year)] : [...years];
  const queries = useQueries({
    queries: shown.map((year) => corpusStatsQuery({ ...rest, year, by: 'agency' })),
  });
  const perYear = shown.flatMap((year, i) => {
    const data = queries[i]?.data;
    return data ? [{ year, rows: data.rows }] : [];
  });
  const matrix = markUnpublished(agencyYearMatrix(perYear), publication);
  const columns: TableColumnsType<MatrixRow> = [
    { title: '机关', dataIndex: 'label', fixed: 'left', width: 220 },
    ...matrix.years.map((year) => ({
      title: `${year}年`,
      key: String(year),
      width: 110,
      render: (_: unknown, r: MatrixRow) => {
        const cell = r.cells[year];
        if (!cell) {
          // No report: in 发布情况's year, whether it is past the deadline or not yet due.
          const due = r.unpublished?.year === year ? r.unpublished : undefined;
          if (due?.status === 'overdue')
            return (
              <Typography.Text type="danger" style={{ fontSize: 12 }} title={`期限 ${due.deadline}，未发布`}>
                逾期未发布
              </Typography.Text>
            );
          if (due?.status === 'pending')
            return (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} title={`期限 ${due.deadline}`}>
                未到期
              </Typography.Text>
            );
          return <Typography.Text type="secondary">无报告</Typography.Text>;
        }
        const text = cell.withErrors > 0 ? '有错误' : cell.late > 0 ? '逾期' : '正常';
        return (
          <Button
            size="small"
            danger={cell.withErrors > 0 || cell.late > 0}
            aria-label={`${r.label} ${year}年：${text}，${cell.reports} 份`}
            onClick={() => onPick(r.agency, year)}
          >
            {text}
          </Button>
        );
      },
    })),
  ];
  return (
    <Table<MatrixRow>
      size="small"
      rowKey="agency"
      loading={queries.some((q) => q.isPending)}
      columns={columns}
      dataSource={matrix.rows}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
    />
  );
}
