/** 登记新申请: the form is checked with the API's own schema before it is sent. */
import { Alert, App, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type NewApplicationBody, newApplicationBody } from '../../../../src/api/schemas.js';
import { applicantTypes } from '../../../../src/workflow/applicant.js';
import { channels, receiptRule, receiptRuleText } from '../../../../src/workflow/channel.js';
import { useAgency } from '../../components/agency-select.js';
import { fieldErrors, messageOf } from '../../lib/api.js';
import { showFieldErrors } from '../../lib/form-errors.js';
import { applicantNameOf, channelNames } from '../../lib/names.js';
import { useCreateApplication } from './api.js';

interface Values {
  number?: string;
  applicant?: string;
  channel?: (typeof channels)[number];
  submittedOn?: Dayjs;
  signedForOn?: Dayjs;
  confirmedOn?: Dayjs;
  requestText?: string;
}

const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The request body of the form's values (undefined fields left out). */
export function bodyOf(values: Values, agencyId: string | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = {
    agencyId,
    number: values.number?.trim() || undefined,
    applicant: values.applicant,
    channel: values.channel,
    submittedOn: day(values.submittedOn),
    signedForOn: day(values.signedForOn),
    confirmedOn: day(values.confirmedOn),
    requestText: values.requestText,
  };
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  return body;
}

const fieldNames = [
  'number',
  'applicant',
  'channel',
  'submittedOn',
  'signedForOn',
  'confirmedOn',
  'requestText',
];

export default function NewApplicationPage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { agencyId } = useAgency();
  const create = useCreateApplication();
  const [problem, setProblem] = useState<string | null>(null);
  const channel = Form.useWatch('channel', form);
  const rule = channel ? receiptRule[channel] : undefined;

  const submit = async (values: Values) => {
    setProblem(null);
    const checked = newApplicationBody.safeParse(bodyOf(values, agencyId));
    if (!checked.success) {
      const rest = showFieldErrors(form, fieldErrors(checked.error), fieldNames);
      if (rest.length) setProblem(rest.join('；'));
      return;
    }
    try {
      const app = await create.mutateAsync(checked.data as NewApplicationBody);
      message.success(`已登记申请 ${app.number}`);
      navigate(`/applications/${encodeURIComponent(app.id)}`);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  return (
    <div className="gk-panel" style={{ maxWidth: 760 }}>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 17 }}
        onFinish={submit}
      >
        <Form.Item
          label="申请人类型"
          name="applicant"
          rules={[{ required: true, message: '请选择申请人类型' }]}
        >
          <Select
            options={applicantTypes.map((t) => ({ value: t, label: applicantNameOf(t) }))}
            placeholder="请选择"
          />
        </Form.Item>
        <Form.Item label="提交渠道" name="channel" rules={[{ required: true, message: '请选择提交渠道' }]}>
          <Select
            options={channels.map((c) => ({ value: c, label: channelNames[c] }))}
            placeholder="请选择"
          />
        </Form.Item>
        {channel && (
          <Alert type="info" showIcon title={receiptRuleText[channel]} style={{ marginBottom: 16 }} />
        )}
        <Form.Item
          label="提交日期"
          name="submittedOn"
          rules={[{ required: true, message: '请选择提交日期' }]}
        >
          <DatePicker />
        </Form.Item>
        {rule === 'signedForOn' && (
          <Form.Item
            label="签收日期"
            name="signedForOn"
            rules={[{ required: true, message: '请选择签收日期' }]}
          >
            <DatePicker />
          </Form.Item>
        )}
        {rule === 'confirmedOn' && (
          <Form.Item
            label="确认日期"
            name="confirmedOn"
            rules={[{ required: true, message: '请选择确认日期' }]}
          >
            <DatePicker />
          </Form.Item>
        )}
        <Form.Item label="申请内容" name="requestText">
          <Input.TextArea rows={4} maxLength={20000} showCount />
        </Form.Item>
        <Form.Item label="编号" name="number" extra="可留空，由系统按年度顺序编号">
          <Input placeholder="如 2024-001" />
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 5 }}>
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              登记
            </Button>
            <Button onClick={() => navigate('/applications')}>取消</Button>
          </Space>
        </Form.Item>
      </Form>
    </div>
  );
}
