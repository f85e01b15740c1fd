/**
 * 修改登记内容: corrects an application's own record (the applicant, their name and contact, the
 * request, the channel and dates of receipt). Only the fields changed are sent; the server checks
 * the record with its events (a date of receipt after the reply is refused) and keeps the change in
 * the audit log. Events are corrected by voiding them, not here.
 */
import { Alert, Button, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import type { Application } from '../../../../src/api/contract/responses.js';
import { type ApplicationPatchBody, applicationPatchBody } from '../../../../src/api/schemas.js';
import { ProblemsAlert } from '../../components/problems-alert.js';
import { fieldErrors } from '../../lib/api.js';
import { fieldsOf as apiFieldsOf, showFieldErrors } from '../../lib/form-errors.js';
import { type Problems, problemsOf, problemsOfError } from '../../lib/problems.js';
import { useUpdateApplication } from './api.js';
import {
  ApplicationFields,
  type ApplicationValues,
  applicationFieldNames,
  changesOf,
  valuesOf,
} from './application-fields.js';

export function ApplicationEditModal({
  app,
  onDone,
  onClose,
}: {
  app: Application;
  onDone: (changed: boolean) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ApplicationValues>();
  const [problems, setProblems] = useState<Problems | null>(null);
  const update = useUpdateApplication(app.id);

  const submit = async () => {
    setProblems(null);
    const changes = changesOf(app, form.getFieldsValue(true));
    if (Object.keys(changes).length === 0) {
      onDone(false);
      return;
    }
    const checked = applicationPatchBody.safeParse(changes);
    if (!checked.success) {
      setProblems(problemsOf(showFieldErrors(form, fieldErrors(checked.error), applicationFieldNames)));
      return;
    }
    try {
      await update.mutateAsync(checked.data as ApplicationPatchBody);
      onDone(true);
    } catch (error) {
      // The server's reasons (a date of receipt after the events recorded…), each on its own line.
      const rest = showFieldErrors(form, apiFieldsOf(error), applicationFieldNames);
      setProblems(rest.length ? problemsOf(rest) : problemsOfError(error));
    }
  };

  return (
    <Modal
      open
      width={680}
      title={`修改申请 ${app.number} 的登记内容`}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            loading={update.isPending}
            onClick={() => form.validateFields().then(submit, () => {})}
          >
            保存
          </Button>
        </Space>
      }
    >
      <ProblemsAlert problems={problems} style={{ marginBottom: 12 }} />
      <Form<ApplicationValues>
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 18 }}
        initialValues={valuesOf(app)}
      >
        <ApplicationFields form={form} />
      </Form>
      <Alert
        type="info"
        showIcon
        title="修改会记入操作记录。办理事件有误时，请在办理过程中作废该事件后重新记录。"
      />
    </Modal>
  );
}
