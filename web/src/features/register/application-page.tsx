/** 申请详情: the record, its timeline of events, its deadline, and the actions allowed next. */
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Application } from '../../../../src/api/contract/responses.js';
import type { EventBody } from '../../../../src/api/schemas.js';
import { can } from '../../app/access.js';
import { DraftButton } from '../../components/draft-button.js';
import { QueryView } from '../../components/query-state.js';
import * as api from '../../lib/endpoints.js';
import { applicantNameOf, channelNameOf, eventNames, partyNames } from '../../lib/names.js';
import { useMe } from '../../lib/session.js';
import { applicationQuery, useAddEvent } from './api.js';
import { ApplicationEditModal } from './application-edit.js';
import { EventModal, outcomeOptions } from './event-form.js';
import { type ActionKind, deadlineArticle, nextActions, workingDaysLeft } from './status.js';
import { StatusTag } from './status-tag.js';

/** The document each kind of event sends (none for a correction or an opinion received, a payment). */
const noticeNames: Partial<Record<EventBody['type'], string>> = {
  correctionRequested: '补正通知书',
  extended: '延期答复告知书',
  consultationSent: '征求意见书',
  feeNotified: '收费通知书',
  replied: '答复书',
};

export function describeEvent(e: EventBody, year: number): string {
  switch (e.type) {
    case 'correctionRequested':
      return `补正期限 ${e.correctBy}`;
    case 'consultationSent':
    case 'consultationAnswered':
      return partyNames[e.party];
    case 'extended':
      return `延长 ${e.days} 个工作日，批准人：${e.approvedBy}`;
    case 'feeNotified':
      return `${e.method === 'perItem' ? '按件' : '按量'}计收，数量 ${e.quantity}，金额 ${e.amount} 元`;
    case 'replied':
      return `办理结果：${outcomeOptions(year).find((o) => o.value === e.outcome)?.label ?? e.outcome}`;
    default:
      return '';
  }
}

function Deadline({ app }: { app: Application }) {
  const s = app.state;
  if (s.closedOn)
    return (
      <span>
        已于 {s.closedOn} 办结
        {s.answeredLate ? <Typography.Text type="danger">（超过答复期限）</Typography.Text> : ''}
      </span>
    );
  if (s.status === null)
    // No status: why (a year's holidays missing, an impossible record), and who can put it right.
    return (
      <Space orientation="vertical" size={0}>
        <Typography.Text type="warning">{s.statusName}</Typography.Text>
        {s.missingHolidayYear !== null && (
          <span>
            国务院办公厅关于{s.missingHolidayYear}年部分节假日安排的通知发布后，由管理员在「
            <Link to="/holidays" className="gk-text-link">
              节假日安排
            </Link>
            」中录入
          </span>
        )}
      </Space>
    );
  if (!s.dueOn) return <span>{s.statusName}（期限待补正后重新计算）</span>;
  const left = workingDaysLeft(s);
  return (
    <Space orientation="vertical" size={0}>
      <span>
        {s.dueOn}
        {s.provisional ? '（暂定：暂停期间未计入）' : ''}；
        {left === null ? (
          ''
        ) : left < 0 ? (
          <Typography.Text type="danger">已超期 {-left} 个工作日</Typography.Text>
        ) : (
          `剩余 ${left} 个工作日`
        )}
      </span>
      <Typography.Text type="secondary">依据：{deadlineArticle(app.events)}</Typography.Text>
    </Space>
  );
}

function Detail({ app }: { app: Application }) {
  const me = useMe();
  const { message } = App.useApp();
  const role = me.data?.user.role;
  const [action, setAction] = useState<ActionKind | null>(null);
  const [editing, setEditing] = useState(false);
  const add = useAddEvent(app.id);
  const year = Number((app.receivedOn ?? app.submittedOn).slice(0, 4));
  const actions = nextActions(app.state, app.events, {
    enter: can(role, 'enter'),
    reply: can(role, 'reply'),
  });

  return (
    <>
      <div className="gk-panel">
        <Descriptions
          size="small"
          bordered
          column={2}
          title={
            <Space>
              <span>申请 {app.number}</span>
              <StatusTag state={app.state} events={app.events} />
            </Space>
          }
          extra={
            <Space>
              {can(role, 'enter') && (
                <Button size="small" onClick={() => setEditing(true)}>
                  修改登记内容
                </Button>
              )}
              <Link to="/applications">返回列表</Link>
            </Space>
          }
          items={[
            { key: 'name', label: '申请人', children: app.applicantName || '—' },
            { key: 'applicant', label: '申请人类型', children: applicantNameOf(app.applicant) },
            {
              key: 'contact',
              label: '联系方式',
              children:
                app.applicantContact === null ? (
                  <Typography.Text type="secondary">仅本机关人员可见</Typography.Text>
                ) : (
                  app.applicantContact || '—'
                ),
            },
            { key: 'delivery', label: '获取方式', children: app.delivery || '—' },
            { key: 'channel', label: '提交渠道', children: channelNameOf(app.channel) },
            { key: 'submitted', label: '提交日期', children: app.submittedOn },
            { key: 'received', label: '收到申请日期', children: app.receivedOn ?? '—' },
            { key: 'due', label: '答复期限', span: 2, children: <Deadline app={app} /> },
            { key: 'text', label: '申请内容', span: 2, children: app.requestText || '—' },
          ]}
        />
        {app.warnings.map((w) => (
          <Alert
            key={w.code + w.message}
            type="warning"
            showIcon
            title={w.message}
            style={{ marginTop: 8 }}
          />
        ))}
      </div>
      <div className="gk-panel">
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          办理操作
        </Typography.Title>
        {actions.length === 0 ? (
          <Typography.Text type="secondary">
            {app.state.closedOn ? '该申请已办结。' : '当前账号没有可进行的操作。'}
          </Typography.Text>
        ) : (
          <Space wrap>
            {actions.map((a) => (
              <Button key={a} type={a === 'replied' ? 'primary' : 'default'} onClick={() => setAction(a)}>
                {a === 'extended' ? '延期（审核批准）' : eventNames[a]}
              </Button>
            ))}
          </Space>
        )}
      </div>
      <div className="gk-panel">
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          办理过程
        </Typography.Title>
        <Timeline
          items={[
            {
              color: 'blue',
              content: `${app.receivedOn ?? app.submittedOn} 收到申请（${channelNameOf(app.channel)}）`,
            },
            ...app.events.map((e, i) => ({
              key: `${i}`,
              color: e.type === 'replied' ? 'green' : 'gray',
              content: (
                <Space size="small" wrap>
                  <span>
                    {e.on} <strong>{eventNames[e.type]}</strong> {describeEvent(e, year)}
                  </span>
                  {noticeNames[e.type] && (
                    <DraftButton
                      endpoint={api.applicationNotice}
                      input={{ params: { applicationId: app.id, ordinal: i }, query: { to: 'docx' } }}
                      fallbackName={`${app.number}-${noticeNames[e.type]}.docx`}
                      what={noticeNames[e.type] as string}
                      title={`下载${noticeNames[e.type]}草稿（Word，按 GB/T 9704 排版；记录中没有的内容为【待补充】）`}
                      size="small"
                    >
                      {noticeNames[e.type]}
                    </DraftButton>
                  )}
                </Space>
              ),
            })),
          ]}
        />
      </div>
      {editing && (
        <ApplicationEditModal
          app={app}
          onClose={() => setEditing(false)}
          onDone={(changed) => {
            setEditing(false);
            message.success(changed ? `已修改申请 ${app.number} 的登记内容` : '登记内容没有改动');
          }}
        />
      )}
      {action && (
        <EventModal
          type={action}
          year={year}
          today={app.state.asOf}
          defaultApprover={me.data?.user.displayName ?? ''}
          onClose={() => setAction(null)}
          onSubmit={async (event) => {
            await add.mutateAsync(event);
            message.success(`已记录：${eventNames[event.type]}`);
          }}
        />
      )}
    </>
  );
}

export default function ApplicationPage() {
  const { applicationId = '' } = useParams();
  const query = useQuery(applicationQuery(applicationId));
  return <QueryView query={query}>{(app) => <Detail app={app} />}</QueryView>;
}
