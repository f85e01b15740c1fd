/**
 * 复议诉讼: the year's review and litigation cases; register one, record its result, delete a
 * mistake; the year's 复议诉讼台账 exported (CSV, Excel) or an office's imported (checked first).
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import type { Case } from '../../../../src/api/contract/responses.js';
import { casePatchBody, newCaseBody } from '../../../../src/api/schemas.js';
import { caseKinds, caseOutcomes } from '../../../../src/workflow/cases.js';
import { caseFieldName } from '../../../../src/workflow/cases-ledger.js';
import { can } from '../../app/access.js';
import { AgencySelect, useAgency } from '../../components/agency-select.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { LedgerImportButton, type LedgerImportTarget } from '../../components/ledger-import.js';
import { ProblemsAlert } from '../../components/problems-alert.js';
import { LoadError } from '../../components/query-state.js';
import { YearSelect } from '../../components/year-select.js';
import { call, fieldErrors, messageOf, searchOf } from '../../lib/api.js';
import * as api from '../../lib/endpoints.js';
import { showFieldErrors } from '../../lib/form-errors.js';
import { caseKindNames, caseOutcomeNames } from '../../lib/names.js';
import { type Problems, problemsOf, problemsOfError } from '../../lib/problems.js';
import { useMe } from '../../lib/session.js';
import { useYear } from '../../lib/today.js';
import { useUrlState } from '../../lib/url-state.js';

const url = z.object({ year: z.coerce.number().int().min(2008).max(2099).optional() });

/** The 复议诉讼台账 of the agency and year on the page, as a file (a link: the download is the browser's). */
const ledgerUrl = (query: { agency: string | undefined; year: number }, to: 'csv' | 'xlsx'): string =>
  api.exportCases.url + searchOf({ ...query, to });

const casesLedger: LedgerImportTarget = {
  url: api.importCases.url,
  noun: '案件',
  title: '导入复议诉讼台账',
  hint:
    'XLSX 或 CSV 文件，第一行为列名，同「导出 Excel」的复议诉讼台账（可先导出一份作为模板）；必填：案件类型、收案日期。' +
    '已审结的案件填写审结日期和结果（结果维持、结果纠正、其他结果），未审结的结果留空或填「尚未审结」；关联申请填写本机关的申请编号。' +
    '先检查，全部无误才能导入。',
  invalidates: [['cases']],
};

interface Values {
  kind?: string;
  filedOn?: Dayjs;
  decidedOn?: Dayjs | null;
  outcome?: string | null;
  applicationId?: string;
}
const fields = ['kind', 'filedOn', 'decidedOn', 'outcome', 'applicationId'] as const;
/** A field's label: its name in the 复议诉讼台账 (and in the messages of the API and the import). */
const label = (field: (typeof fields)[number]) => caseFieldName(field);
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : d === null ? null : undefined);

function CaseModal({
  editing,
  agencyId,
  onClose,
}: {
  editing: Case | null;
  agencyId: string | undefined;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [problems, setProblems] = useState<Problems | null>(null);
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const raw = {
        kind: v.kind,
        filedOn: day(v.filedOn),
        decidedOn: day(v.decidedOn ?? null),
        outcome: v.outcome ?? null,
        applicationId: v.applicationId?.trim() || null,
      };
      if (editing) {
        const body = casePatchBody.safeParse(raw);
        if (!body.success) throw body.error;
        return call(api.updateCase, { params: { caseId: editing.id }, body: body.data });
      }
      const body = newCaseBody.safeParse({ ...raw, agencyId });
      if (!body.success) throw body.error;
      return call(api.createCase, { body: body.data });
    },
    onSuccess: (saved) => {
      qc.invalidateQueries({ queryKey: ['cases'] });
      message.success(editing ? `已修改案件 ${saved.number}` : `已登记案件 ${saved.number}`);
      onClose();
    },
    onError: (e) => {
      // Each problem on its own line: on its field, or listed above the form.
      if (e instanceof z.ZodError) setProblems(problemsOf(showFieldErrors(form, fieldErrors(e), fields)));
      else setProblems(problemsOfError(e));
    },
  });
  return (
    <Modal
      open
      title={editing ? `修改案件 ${editing.number}` : '登记案件'}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText="保存"
      cancelText="取消"
    >
      <ProblemsAlert problems={problems} style={{ marginBottom: 12 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={
          editing
            ? {
                kind: editing.kind,
                filedOn: dayjs(editing.filedOn),
                decidedOn: editing.decidedOn ? dayjs(editing.decidedOn) : null,
                outcome: editing.outcome,
                // The number the clerk knows (the API takes an application's number or its id).
                applicationId: editing.applicationNumber ?? editing.applicationId ?? '',
              }
            : { kind: 'review' }
        }
      >
        <Form.Item label={label('kind')} name="kind" required>
          <Select options={caseKinds.map((k) => ({ value: k, label: caseKindNames[k] }))} />
        </Form.Item>
        <Form.Item label={label('filedOn')} name="filedOn" required>
          <DatePicker />
        </Form.Item>
        <Form.Item label={label('decidedOn')} name="decidedOn">
          <DatePicker />
        </Form.Item>
        <Form.Item label={label('outcome')} name="outcome">
          <Select
            allowClear
            placeholder="未审结"
            options={caseOutcomes.map((o) => ({ value: o, label: caseOutcomeNames[o] }))}
          />
        </Form.Item>
        <Form.Item label={label('applicationId')} name="applicationId">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function CasesPage() {
  const [state, update] = useUrlState(url);
  const year = useYear(state.year);
  const { agencyId } = useAgency();
  const me = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const role = me.data?.user.role;
  const [editing, setEditing] = useState<Case | null | 'new'>(null);
  const list = useQuery({
    queryKey: ['cases', agencyId, year],
    queryFn: () => call(api.listCases, { query: { agency: agencyId, year } }),
    enabled: agencyId !== undefined,
  });
  const remove = useMutation({
    mutationFn: async (c: Case) => {
      await call(api.deleteCase, { params: { caseId: c.id } });
      return c;
    },
    onSuccess: (c) => {
      qc.invalidateQueries({ queryKey: ['cases'] });
      message.success(`已删除案件 ${c.number}`);
    },
    onError: (e) => message.error(messageOf(e)),
  });
  const columns: TableColumnsType<Case> = [
    { title: caseFieldName('number'), dataIndex: 'number', width: 120 },
    {
      title: caseFieldName('kind'),
      dataIndex: 'kind',
      render: (k: string) => caseKindNames[k as keyof typeof caseKindNames] ?? k,
    },
    { title: caseFieldName('filedOn'), dataIndex: 'filedOn' },
    // Pending: the 结果 column says 尚未审结.
    { title: caseFieldName('decidedOn'), dataIndex: 'decidedOn', render: (d: string | null) => d ?? '—' },
    {
      title: caseFieldName('outcome'),
      dataIndex: 'outcome',
      render: (o: string | null) => caseOutcomeNames[(o ?? 'pending') as keyof typeof caseOutcomeNames] ?? o,
    },
    {
      title: caseFieldName('applicationId'),
      dataIndex: 'applicationId',
      render: (id: string | null, c) =>
        id ? <Link to={`/applications/${encodeURIComponent(id)}`}>{c.applicationNumber ?? id}</Link> : '—',
    },
  ];
  // Only for the roles that may change cases (a supervisor reads them: no empty column).
  if (can(role, 'enter') || can(role, 'delete'))
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, c) => (
        <Space>
          {can(role, 'enter') && (
            <Button size="small" onClick={() => setEditing(c)}>
              修改
            </Button>
          )}
          {can(role, 'delete') && (
            <Popconfirm
              title={`删除误登记的案件 ${c.number}？`}
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => remove.mutate(c)}
            >
              <Button size="small" danger>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  return (
    <div className="gk-panel">
      <Space style={{ marginBottom: 12 }} wrap>
        <AgencySelect />
        <YearSelect value={year} onChange={(y) => update({ year: y })} />
        <ExportButtons
          href={(to) => ledgerUrl({ agency: agencyId, year }, to)}
          disabled={agencyId === undefined || (list.data ?? []).length === 0}
        />
        {can(role, 'enter') && <LedgerImportButton agencyId={agencyId} target={casesLedger} />}
        {can(role, 'enter') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            登记案件
          </Button>
        )}
      </Space>
      {list.error ? (
        <LoadError error={list.error} retry={() => list.refetch()} />
      ) : (
        <Table<Case>
          size="small"
          rowKey="id"
          loading={list.isPending}
          columns={columns}
          dataSource={list.data ?? []}
          locale={{ emptyText: <Empty description="该年度没有复议诉讼案件" /> }}
          pagination={false}
        />
      )}
      {editing && (
        <CaseModal
          editing={editing === 'new' ? null : editing}
          agencyId={agencyId}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
