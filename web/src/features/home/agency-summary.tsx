/**
 * 各机关办理情况, for a supervisor of several agencies: each agency's applications by where they
 * stand today (those with overdue ones first), each agency a link to its register.
 */
import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { RegisterSummary } from '../../../../src/api/contract/responses.js';
import { QueryView } from '../../components/query-state.js';
import { registerSummaryQuery } from '../register/api.js';

type Row = RegisterSummary['rows'][number];

const count = (danger: boolean) => (n: number) =>
  n > 0 && danger ? <Typography.Text type="danger">{n}</Typography.Text> : n;

export function AgencySummary({ days }: { days: number }) {
  const summary = useQuery(registerSummaryQuery({ days }));
  return (
    <QueryView query={summary}>
      {(data) => (
        <Table<Row>
          size="small"
          rowKey="agencyId"
          aria-label="各机关办理情况"
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          dataSource={data.rows}
          columns={[
            {
              title: '机关',
              dataIndex: 'agencyName',
              render: (name: string, r) => (
                <Link to={`/applications?${new URLSearchParams({ agency: r.agencyId })}`}>{name}</Link>
              ),
            },
            { title: '申请', dataIndex: 'received', align: 'right', width: 80 },
            { title: '办理中', dataIndex: 'open', align: 'right', width: 80 },
            { title: '已超期', dataIndex: 'overdue', align: 'right', width: 80, render: count(true) },
            { title: `${data.days}个工作日内到期`, dataIndex: 'dueSoon', align: 'right', width: 130 },
            { title: '已办结', dataIndex: 'closed', align: 'right', width: 80 },
            { title: '超期答复', dataIndex: 'answeredLate', align: 'right', width: 90, render: count(true) },
            { title: '无法计算期限', dataIndex: 'unknown', align: 'right', width: 120, render: count(true) },
          ]}
        />
      )}
    </QueryView>
  );
}
