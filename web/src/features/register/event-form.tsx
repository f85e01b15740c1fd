/** The form of one event (补正通知, 征求意见, 延期, 收费, 答复…), checked with the API's event schema. */
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type EventBody, eventSchema } from '../../../../src/api/schemas.js';
import { formatForYear, getFormat } from '../../../../src/spec/registry.js';
import { outcomeName, outcomes } from '../../../../src/workflow/outcome.js';
import { ProblemsAlert } from '../../components/problems-alert.js';
import { call, fieldErrors, messageOf } from '../../lib/api.js';
import * as api from '../../lib/endpoints.js';
import { showFieldErrors } from '../../lib/form-errors.js';
import { eventNames, eventFieldNames as names, partyNames } from '../../lib/names.js';
import { type Problems, problemsOf, problemsOfError } from '../../lib/problems.js';
import type { ActionKind } from './status.js';

interface Values {
  on?: Dayjs;
  correctBy?: Dayjs;
  party?: string;
  days?: number;
  approvedBy?: string;
  method?: 'perItem' | 'perPage';
  quantity?: number;
  amount?: number;
  outcome?: string;
}

const fieldNames = [
  'on',
  'correctBy',
  'party',
  'days',
  'approvedBy',
  'method',
  'quantity',
  'amount',
  'outcome',
];

export function eventOf(type: ActionKind, v: Values): Record<string, unknown> {
  const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');
  const base = { type, on: day(v.on) };
  switch (type) {
    case 'correctionRequested':
      return { ...base, correctBy: day(v.correctBy) };
    case 'consultationSent':
    case 'consultationAnswered':
      return { ...base, party: v.party };
    case 'extended':
      return { ...base, days: v.days, approvedBy: v.approvedBy };
    case 'feeNotified':
      return { ...base, method: v.method, quantity: v.quantity, amount: v.amount };
    case 'replied':
      return { ...base, outcome: v.outcome };
    default:
      return base;
  }
}

/** The outcomes as rows of the year's format (2021 format for years it doesn't know). */
export function outcomeOptions(year: number): { value: string; label: string }[] {
  const spec = formatForYear(year) ?? getFormat('2021');
  return outcomes.map((o) => ({ value: o, label: `${outcomeName(spec, o)}` }));
}

export function EventModal({
  type,
  year,
  defaultApprover,
  today,
  onSubmit,
  onClose,
}: {
  type: ActionKind;
  year: number;
  defaultApprover: string;
  today: string;
  onSubmit: (event: EventBody) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [problems, setProblems] = useState<Problems | null>(null);
  const [busy, setBusy] = useState(false);
  const [feeNote, setFeeNote] = useState<string | null>(null);

  const submit = async () => {
    setProblems(null);
    const values = form.getFieldsValue();
    const checked = eventSchema.safeParse(eventOf(type, values));
    if (!checked.success) {
      setProblems(problemsOf(showFieldErrors(form, fieldErrors(checked.error), fieldNames)));
      return;
    }
    setBusy(true);
    try {
      await onSubmit(checked.data);
      onClose();
    } catch (error) {
      setProblems(problemsOfError(error));
    } finally {
      setBusy(false);
    }
  };

  const calculate = async () => {
    const { method, quantity } = form.getFieldsValue();
    try {
      const fee = await call(api.calculateFee, {
        query: { method: method ?? 'perItem', quantity: quantity ?? 0 },
      });
      form.setFieldValue('amount', fee.fee);
      setFeeNote(
        `按标准计收 ${fee.fee} 元${fee.monthTotal !== null ? `（本月累计 ${fee.monthTotal} 元）` : ''}（国办函〔2020〕109号）`,
      );
    } catch (error) {
      setFeeNote(messageOf(error));
    }
  };

  return (
    <Modal
      open
      title={eventNames[type]}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={submit}>
            确定
          </Button>
        </Space>
      }
    >
      <ProblemsAlert problems={problems} style={{ marginBottom: 12 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          on: dayjs(today),
          approvedBy: defaultApprover,
          method: 'perItem',
          party: 'thirdParty',
          days: 20,
        }}
      >
        <Form.Item label={names.on} name="on" required>
          <DatePicker />
        </Form.Item>
        {type === 'correctionRequested' && (
          <Form.Item
            label={names.correctBy}
            name="correctBy"
            required
            extra="申请人应在此日期前补正（第三十条）"
          >
            <DatePicker />
          </Form.Item>
        )}
        {(type === 'consultationSent' || type === 'consultationAnswered') && (
          <Form.Item label={names.party} name="party" required>
            <Select options={Object.entries(partyNames).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        )}
        {type === 'extended' && (
          <>
            <Form.Item
              label={names.days}
              name="days"
              required
              extra="延长的期限最长不得超过20个工作日（第三十三条第二款）"
            >
              <InputNumber min={1} max={20} />
            </Form.Item>
            <Form.Item label={names.approvedBy} name="approvedBy" required>
              <Input />
            </Form.Item>
          </>
        )}
        {type === 'feeNotified' && (
          <>
            <Form.Item label={names.method} name="method" required>
              <Select
                options={[
                  { value: 'perItem', label: '按件计收' },
                  { value: 'perPage', label: '按量计收' },
                ]}
              />
            </Form.Item>
            <Form.Item label={`${names.quantity}（按件：本月第几件；按量：页数）`} name="quantity" required>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item label={names.amount} name="amount" required>
              <InputNumber min={0} />
            </Form.Item>
            <Button onClick={calculate}>按标准计算</Button>
            {feeNote && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {feeNote}
              </Typography.Paragraph>
            )}
          </>
        )}
        {type === 'replied' && (
          <Form.Item label={names.outcome} name="outcome" required>
            <Select
              showSearch
              optionFilterProp="label"
              options={outcomeOptions(year)}
              placeholder="请选择办理结果"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
