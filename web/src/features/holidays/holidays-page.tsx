/**
 * 节假日安排: the years of holidays that working-day deadlines are counted with, built-in and entered.
 * Each year's arrangement is set by the State Council's notice (国务院办公厅关于YYYY年部分节假日安排的
 * 通知), published in the autumn before; an admin enters it here, checked with the server's own rules.
 * Everyone with the register sees the table.
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Empty,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { HolidayTableView } from '../../../../src/api/contract/responses.js';
import {
  arrangementWindow,
  enteredYears,
  festivalLine,
  festivalNames,
  noticeTitle,
} from '../../../../src/workflow/calendar/entered.js';
import type { YearArrangement } from '../../../../src/workflow/calendar/holidays.js';
import { readHolidayNotice } from '../../../../src/workflow/calendar/notice.js';
import { can } from '../../app/access.js';
import { LoadError } from '../../components/query-state.js';
import { messageOf } from '../../lib/api.js';
import { fieldsOf } from '../../lib/form-errors.js';
import { useMe } from '../../lib/session.js';
import { useServerToday } from '../../lib/today.js';
import { holidaysQuery, useDeleteHolidays, usePutHolidays } from './api.js';
import { type ArrangementInput, bodyOf, coverage, fieldOf, problemsOf } from './arrangement.js';

type HolidayYear = HolidayTableView['years'][number];

const sourceText = (y: HolidayYear) =>
  y.source === 'builtIn' ? '自带' : y.replacesBuiltIn ? '录入（替换自带）' : '录入';

/** The month a festival's pickers open on (0 = January). */
const usualMonth: Record<string, number> = {
  元旦: 0,
  春节: 1,
  清明节: 3,
  劳动节: 4,
  端午节: 5,
  中秋节: 8,
  国庆节: 9,
};

interface FestivalValues {
  name?: string;
  off?: [Dayjs, Dayjs] | null;
  /** YYYY-MM-DD. */
  work?: string[] | null;
}

interface Values {
  year?: number;
  notice?: { number?: string; date?: Dayjs | null; title?: string };
  festivals?: FestivalValues[];
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

function initialValues(year: number, from: YearArrangement | undefined): Values {
  if (!from)
    return {
      year,
      notice: { number: '', title: '' },
      festivals: festivalNames.map((name) => ({ name, off: null, work: [] })),
    };
  return {
    year: from.year,
    notice: {
      number: from.notice.number,
      date: from.notice.date ? dayjs(from.notice.date) : null,
      title: from.notice.title === noticeTitle(from.year) ? '' : from.notice.title,
    },
    festivals: from.festivals.map((f) => ({
      name: f.name,
      off: [dayjs(f.off[0]), dayjs(f.off[1])],
      work: [...f.work],
    })),
  };
}

/** The form's values as dates (YYYY-MM-DD); the form's own rules have made sure they are there. */
function inputOf(v: Values, amendments: HolidayYear['amendments'] | undefined): ArrangementInput {
  return {
    year: v.year ?? 0,
    notice: {
      number: v.notice?.number ?? '',
      date: v.notice?.date ? day(v.notice.date) : '',
      title: v.notice?.title,
    },
    ...(amendments ? { amendments: [...amendments] } : {}),
    festivals: (v.festivals ?? []).map((f) => ({
      name: f.name ?? '',
      off: f.off ? [day(f.off[0]), day(f.off[1])] : ['', ''],
      work: f.work ?? [],
    })),
  };
}

/**
 * The notice itself, pasted (from its page or document): read with the same reader as
 * `gongkai holidays add --from`, into the form, to be checked before it is saved.
 */
function NoticeReader({
  onRead,
  onUnreadable,
}: {
  onRead: (arrangement: YearArrangement, problems: string[]) => void;
  onUnreadable: (problems: string[]) => void;
}) {
  const [text, setText] = useState('');
  const read = () => {
    const result = readHolidayNotice(text);
    if (result.arrangement) onRead(result.arrangement, result.ok ? [] : result.problems);
    else onUnreadable(result.ok ? [] : result.problems);
  };
  return (
    <Space.Compact block style={{ marginBottom: 12 }}>
      <Input.TextArea
        aria-label="通知全文"
        placeholder="可把通知全文（国务院办公厅关于……年部分节假日安排的通知）粘贴在这里，读出后核对"
        autoSize={{ minRows: 1, maxRows: 4 }}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Button onClick={read} disabled={text.trim() === ''}>
        读取通知
      </Button>
    </Space.Compact>
  );
}

const weekendsOf = new Map<number, { value: string; label: string }[]>();

/** The days a make-up working day can be: the Saturdays and Sundays an arrangement of `year` may name. */
function weekendOptions(year: number): { value: string; label: string }[] {
  const known = weekendsOf.get(year);
  if (known) return known;
  const [from, to] = arrangementWindow(year);
  const out: { value: string; label: string }[] = [];
  for (let d = dayjs(from); day(d) <= to; d = d.add(1, 'day'))
    if (d.day() === 0 || d.day() === 6)
      out.push({ value: day(d), label: `${day(d)} ${d.day() === 0 ? '星期日' : '星期六'}` });
  weekendsOf.set(year, out);
  return out;
}

/** One festival of the form: its name, closure and make-up working days, on one line. */
function FestivalRow({
  form,
  index,
  year,
  onRemove,
}: {
  form: FormInstance<Values>;
  index: number;
  year: number;
  onRemove: () => void;
}) {
  const name = Form.useWatch(['festivals', index, 'name'], form) as string | undefined;
  const label = name?.trim() || `第 ${index + 1} 个节日`;
  const opensOn = dayjs(`${year}-01-01`).month(usualMonth[name?.trim() ?? ''] ?? 0);
  const [from, to] = arrangementWindow(year);
  const outside = (d: Dayjs) => day(d) < from || day(d) > to;
  return (
    <fieldset aria-label={label} className="gk-festival">
      <Form.Item
        layout="horizontal"
        label="节日"
        name={[index, 'name']}
        rules={[{ required: true, whitespace: true, message: '请填写节日名称' }]}
      >
        <Input style={{ width: 96 }} maxLength={20} />
      </Form.Item>
      <Form.Item
        layout="horizontal"
        label="放假日期"
        name={[index, 'off']}
        rules={[{ required: true, message: `请选择${label}的放假日期` }]}
      >
        <DatePicker.RangePicker
          disabledDate={outside}
          defaultPickerValue={opensOn}
          placeholder={['第一天', '最后一天']}
          style={{ width: 250 }}
        />
      </Form.Item>
      <Form.Item layout="horizontal" label="调休上班日" name={[index, 'work']}>
        <Select
          mode="multiple"
          allowClear
          options={weekendOptions(year)}
          placeholder="无（星期六、星期日，可输入日期查找）"
          optionFilterProp="label"
          style={{ width: 300 }}
        />
      </Form.Item>
      <Button
        aria-label={`删除${label}`}
        title={`删除${label}`}
        icon={<DeleteOutlined />}
        onClick={onRemove}
      />
    </fieldset>
  );
}

/** The form that enters a year's arrangement (or enters an entered year again, to correct it). */
function YearForm({
  year,
  from,
  years,
  onClose,
}: {
  year: number;
  from?: HolidayYear;
  /** The years the table has now (one entered again is replaced). */
  years: readonly HolidayYear[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const put = usePutHolidays();
  const [problem, setProblem] = useState<string[]>([]);
  const watched = Form.useWatch('year', form) as number | null | undefined;
  const formYear = watched && watched >= enteredYears.min && watched <= enteredYears.max ? watched : year;
  // A correction of an entered year keeps the amendments it had (the form doesn't show them).
  const correcting = from !== undefined && from.year === formYear;
  const amendments = correcting ? from.amendments : undefined;
  const replaced = correcting ? undefined : years.find((y) => y.year === formYear);

  /** Puts problems on their fields; the others go in the alert above the form. */
  const show = (problems: { path: string; message: string }[]) => {
    const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
    const rest: string[] = [];
    for (const p of problems) {
      const name = fieldOf(p.path);
      if (!name) {
        rest.push(p.message);
        continue;
      }
      const key = name.join('.');
      const entry = byField.get(key) ?? { name, errors: [] };
      entry.errors.push(p.message);
      byField.set(key, entry);
    }
    // fieldOf names only fields of this form.
    form.setFields([...byField.values()] as Parameters<typeof form.setFields>[0]);
    setProblem(rest);
  };

  const submit = (values: Values) => {
    setProblem([]);
    const input = inputOf(values, amendments);
    const problems = problemsOf(input);
    if (problems.length > 0) {
      show(problems);
      return;
    }
    put.mutate(bodyOf(input), {
      onSuccess: () => {
        message.success(`已录入 ${input.year} 年的节假日安排`);
        onClose();
      },
      onError: (error) => {
        const fields = Object.entries(fieldsOf(error)).map(([path, m]) => ({ path, message: m }));
        if (fields.length > 0) show(fields);
        else setProblem([messageOf(error)]);
      },
    });
  };

  return (
    <Modal
      open
      width={1000}
      title={correcting ? `修改 ${formYear} 年节假日安排` : `录入 ${formYear} 年节假日安排`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={put.isPending}
      okText="保存"
      cancelText="取消"
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {'按国务院办公厅的通知逐项填写：每个节日放假的第一天和最后一天（含），以及调休上班的星期六、星期日。' +
          '保存后，到达该年的答复期限按此计算。'}
      </Typography.Paragraph>
      {problem.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problem.length === 1 ? problem[0] : '安排有误'}
          description={
            problem.length > 1 ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {problem.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : undefined
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <NoticeReader
        onRead={(arrangement, problems) => {
          form.resetFields();
          form.setFieldsValue(initialValues(arrangement.year, arrangement));
          setProblem(problems);
          if (problems.length === 0)
            message.success(`已从通知读出 ${arrangement.festivals.length} 个节日的安排，请核对后保存`);
        }}
        onUnreadable={setProblem}
      />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initialValues(year, from)}>
        <Space wrap align="start" size="middle">
          <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={enteredYears.min} max={enteredYears.max} precision={0} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item
            label="发文字号"
            name={['notice', 'number']}
            rules={[{ required: true, whitespace: true, message: '请填写发文字号' }]}
          >
            <Input
              placeholder={`如 国办发明电〔${formYear - 1}〕7号`}
              style={{ width: 220 }}
              maxLength={100}
            />
          </Form.Item>
          <Form.Item
            label="成文日期"
            name={['notice', 'date']}
            rules={[{ required: true, message: '请选择成文日期' }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item label="通知标题（可不填）" name={['notice', 'title']}>
            <Input placeholder={noticeTitle(formYear)} style={{ width: 380 }} maxLength={200} />
          </Form.Item>
        </Space>
        {replaced && (
          <Alert
            type="info"
            showIcon
            title={`${formYear} 年已有${replaced.source === 'builtIn' ? '自带' : '录入'}的安排（${replaced.notice.number}），保存后由这次录入的替换`}
            style={{ marginBottom: 12 }}
          />
        )}
        {amendments && amendments.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={`该年的 ${amendments.length} 份调整通知保留不变：${amendments.map((a) => a.number).join('、')}`}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form.List name="festivals">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <FestivalRow
                  key={field.key}
                  form={form}
                  index={field.name}
                  year={formYear}
                  onRemove={() => remove(field.name)}
                />
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', off: null, work: [] })}>
                添加节日
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export default function HolidaysPage() {
  const me = useMe();
  const admin = can(me.data?.user.role, 'manage');
  const today = useServerToday();
  const table = useQuery(holidaysQuery());
  const remove = useDeleteHolidays();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ year: number; from?: HolidayYear } | null>(null);
  const [expanded, setExpanded] = useState<readonly number[] | null>(null);

  if (table.error) return <LoadError error={table.error} retry={() => table.refetch()} />;
  const data = table.data;
  const rows = [...(data?.years ?? [])].sort((a, b) => b.year - a.year);
  const line = data ? coverage(data, today) : null;
  // The current year and later ones open at first: their closures are what deadlines reach now.
  const thisYear = Number((today ?? '').slice(0, 4)) || 0;
  const openRows = expanded ?? rows.filter((y) => y.year >= thisYear).map((y) => y.year);

  const columns: TableColumnsType<HolidayYear> = [
    { title: '年度', dataIndex: 'year', width: 80 },
    {
      title: '通知',
      key: 'notice',
      render: (_, y) => (
        <Space orientation="vertical" size={0}>
          <span>
            {y.notice.number}（{y.notice.date}）
          </span>
          {y.notice.title !== noticeTitle(y.year) && (
            <Typography.Text type="secondary">{y.notice.title}</Typography.Text>
          )}
          {y.amendments.map((a) => (
            <Typography.Text key={a.number} type="secondary">
              调整：{a.number}（{a.date}）{a.change}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    {
      title: '来源',
      key: 'source',
      width: 200,
      render: (_, y) => (
        <Space orientation="vertical" size={0}>
          <Tag color={y.source === 'builtIn' ? undefined : '#1d4f91'}>{sourceText(y)}</Tag>
          {y.updatedAt && (
            <Typography.Text type="secondary">
              {y.updatedByName ? `${y.updatedByName}录入于 ` : '录入于 '}
              {y.updatedAt.slice(0, 10)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];
  if (admin)
    columns.push({
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, y) =>
        y.source === 'entered' ? (
          <Space>
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing({ year: y.year, from: y })}
              aria-label={`修改 ${y.year} 年`}
            >
              修改
            </Button>
            <Popconfirm
              title={`删除录入的 ${y.year} 年安排？`}
              description="删除后，自带的该年安排（如有）重新适用"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() =>
                remove.mutateAsync(y.year).then(
                  () => {
                    message.success(`已删除录入的 ${y.year} 年节假日安排`);
                  },
                  (error: unknown) => {
                    message.error(messageOf(error));
                  },
                )
              }
            >
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${y.year} 年`}>
                删除
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    });

  return (
    <>
      <div className="gk-panel">
        <Typography.Paragraph>
          {'答复期限按工作日计算，放假和调休以国务院办公厅每年发布的节假日安排通知为准。' +
            '某年的安排录入之前，到达该年的期限无法计算，在「到期提醒」中单独列出。'}
        </Typography.Paragraph>
        {line &&
          (line.warn ? (
            <Alert type="warning" showIcon title={line.text} />
          ) : (
            <Typography.Text>{line.text}</Typography.Text>
          ))}
        {admin && data && (
          <div style={{ marginTop: 12 }}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ year: data.nextYear })}
            >
              录入 {data.nextYear} 年安排
            </Button>
          </div>
        )}
      </div>
      <div className="gk-panel">
        <Table<HolidayYear>
          size="small"
          rowKey="year"
          loading={table.isPending}
          columns={columns}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <Empty description="没有节假日安排" /> }}
          expandable={{
            expandedRowKeys: [...openRows],
            onExpandedRowsChange: (keys) => setExpanded(keys.map(Number)),
            expandedRowRender: (y) => (
              <ul className="gk-plain-list">
                {y.festivals.map((f) => (
                  <li key={f.name + f.off[0]}>{festivalLine(f)}</li>
                ))}
              </ul>
            ),
          }}
        />
      </div>
      {editing && (
        <YearForm
          key={editing.from ? `edit-${editing.year}` : 'new'}
          year={editing.year}
          from={editing.from}
          years={rows}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
