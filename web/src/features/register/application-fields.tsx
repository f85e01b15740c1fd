/**
 * The fields of an application's own record (条例第二十九条: who applied, how to reach them, what
 * they asked for and in what form; 第三十一条: how and when it arrived), shared by 登记新申请 and
 * 修改登记内容. The values are the form's; `fieldsOf` turns them into the API's fields.
 */
import { Alert, DatePicker, Form, type FormInstance, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Application } from '../../../../src/api/contract/responses.js';
import { applicantTypes } from '../../../../src/workflow/applicant.js';
import { channels, receiptRule, receiptRuleText } from '../../../../src/workflow/channel.js';
import { applicationFieldName } from '../../../../src/workflow/ledger.js';
import { applicantNameOf, channelNames } from '../../lib/names.js';

export interface ApplicationValues {
  applicant?: string;
  applicantName?: string;
  applicantContact?: string;
  delivery?: string;
  channel?: (typeof channels)[number];
  submittedOn?: Dayjs;
  signedForOn?: Dayjs;
  confirmedOn?: Dayjs;
  requestText?: string;
}

/** The form's field names, which are the API's: a message about one is shown under it. */
export const applicationFieldNames = [
  'applicant',
  'applicantName',
  'applicantContact',
  'delivery',
  'channel',
  'submittedOn',
  'signedForOn',
  'confirmedOn',
  'requestText',
] as const;

/** A field's label: its name in the 办理台账 (and in the messages of the API and the import). */
const label = (field: (typeof applicationFieldNames)[number]): string => applicationFieldName(field) ?? field;

const day = (d: Dayjs | undefined | null) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The API's fields of the form's values; blank text and unset dates are left out. */
export function fieldsOf(values: ApplicationValues): Record<string, unknown> {
  const rule = values.channel ? receiptRule[values.channel] : undefined;
  const body: Record<string, unknown> = {
    applicant: values.applicant,
    applicantName: values.applicantName?.trim() || undefined,
    applicantContact: values.applicantContact?.trim() || undefined,
    delivery: values.delivery?.trim() || undefined,
    channel: values.channel,
    submittedOn: day(values.submittedOn),
    // Only the date of receipt the channel uses (第三十一条); the form hides the other.
    signedForOn: rule === 'signedForOn' ? day(values.signedForOn) : undefined,
    confirmedOn: rule === 'confirmedOn' ? day(values.confirmedOn) : undefined,
    requestText: values.requestText?.trim() || undefined,
  };
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  return body;
}

/** The form's values of a stored application. */
export function valuesOf(app: Application): ApplicationValues {
  const date = (d: string | null) => (d ? dayjs(d) : undefined);
  return {
    applicant: app.applicant,
    applicantName: app.applicantName,
    applicantContact: app.applicantContact ?? '',
    delivery: app.delivery,
    channel: app.channel as ApplicationValues['channel'],
    submittedOn: date(app.submittedOn),
    signedForOn: date(app.signedForOn),
    confirmedOn: date(app.confirmedOn),
    requestText: app.requestText,
  };
}

/**
 * What changed between a stored application and the form: the fields to send, texts emptied
 * included (as ''), so a correction can also clear a wrong contact.
 */
export function changesOf(app: Application, values: ApplicationValues): Record<string, unknown> {
  const now = fieldsOf(values);
  const was = fieldsOf(valuesOf(app));
  const changes: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(now), ...Object.keys(was)])) {
    if (now[key] === was[key]) continue;
    // A cleared text is sent as ''; a cleared date of receipt as null.
    changes[key] = now[key] ?? (key.endsWith('On') ? null : '');
  }
  return changes;
}

/** The items of the form (inside an antd `Form`). */
export function ApplicationFields({ form }: { form: FormInstance<ApplicationValues> }) {
  const channel = Form.useWatch('channel', form);
  const rule = channel ? receiptRule[channel] : undefined;
  return (
    <>
      <Form.Item
        label={label('applicant')}
        name="applicant"
        rules={[{ required: true, message: `请选择${label('applicant')}` }]}
      >
        <Select
          options={applicantTypes.map((t) => ({ value: t, label: applicantNameOf(t) }))}
          placeholder="请选择"
        />
      </Form.Item>
      <Form.Item label={label('applicantName')} name="applicantName" extra="姓名或者名称">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={label('applicantContact')} name="applicantContact">
        <Input.TextArea rows={2} maxLength={500} placeholder="电话、通信地址、电子邮箱等" />
      </Form.Item>
      <Form.Item label={label('delivery')} name="delivery" extra="申请人要求的获取信息的方式、途径">
        <Input maxLength={500} placeholder="如邮寄纸质件、电子邮件、当面领取" />
      </Form.Item>
      <Form.Item
        label={label('channel')}
        name="channel"
        rules={[{ required: true, message: `请选择${label('channel')}` }]}
      >
        <Select options={channels.map((c) => ({ value: c, label: channelNames[c] }))} placeholder="请选择" />
      </Form.Item>
      {channel && (
        <Alert type="info" showIcon title={receiptRuleText[channel]} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label={label('submittedOn')}
        name="submittedOn"
        rules={[{ required: true, message: `请选择${label('submittedOn')}` }]}
      >
        <DatePicker />
      </Form.Item>
      {rule === 'signedForOn' && (
        <Form.Item
          label={label('signedForOn')}
          name="signedForOn"
          rules={[{ required: true, message: `请选择${label('signedForOn')}` }]}
        >
          <DatePicker />
        </Form.Item>
      )}
      {rule === 'confirmedOn' && (
        <Form.Item
          label={label('confirmedOn')}
          name="confirmedOn"
          rules={[{ required: true, message: `请选择${label('confirmedOn')}` }]}
        >
          <DatePicker />
        </Form.Item>
      )}
      <Form.Item label={label('requestText')} name="requestText">
        <Input.TextArea rows={4} maxLength={20000} showCount />
      </Form.Item>
    </>
  );
}
