/** 登记新申请: the form is checked with the API's own schema before it is sent. */
import { App, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type NewApplicationBody, newApplicationBody } from '../../../../src/api/schemas.js';
import { useAgency } from '../../components/agency-select.js';
import { ProblemsAlert } from '../../components/problems-alert.js';
import { fieldErrors } from '../../lib/api.js';
import { showFieldErrors } from '../../lib/form-errors.js';
import { type Problems, problemsOf, problemsOfError } from '../../lib/problems.js';
import { useCreateApplication } from './api.js';
import {
  ApplicationFields,
  type ApplicationValues,
  applicationFieldNames,
  fieldsOf,
} from './application-fields.js';

interface Values extends ApplicationValues {
  number?: string;
}

/** The request body of the form's values (undefined fields left out). */
export function bodyOf(values: Values, agencyId: string | undefined): Record<string, unknown> {
  const number = values.number?.trim();
  return { ...(agencyId ? { agencyId } : {}), ...(number ? { number } : {}), ...fieldsOf(values) };
}

const fieldNames = ['number', ...applicationFieldNames];

export default function NewApplicationPage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { agencyId } = useAgency();
  const create = useCreateApplication();
  const [problems, setProblems] = useState<Problems | null>(null);

  const submit = async (values: Values) => {
    setProblems(null);
    const checked = newApplicationBody.safeParse(bodyOf(values, agencyId));
    if (!checked.success) {
      setProblems(problemsOf(showFieldErrors(form, fieldErrors(checked.error), fieldNames)));
      return;
    }
    try {
      const app = await create.mutateAsync(checked.data as NewApplicationBody);
      message.success(`已登记申请 ${app.number}`);
      navigate(`/applications/${encodeURIComponent(app.id)}`);
    } catch (error) {
      setProblems(problemsOfError(error));
    }
  };

  return (
    <div className="gk-panel" style={{ maxWidth: 760 }}>
      <ProblemsAlert problems={problems} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 17 }}
        onFinish={submit}
      >
        <ApplicationFields form={form} />
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
