/** 用户管理 (admin): the agency's users and their roles; add a user. */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { newUserBody, userPatchBody } from '../../../../src/api/schemas.js';
import { roleNames, roles } from '../../../../src/store/schema.js';
import { useAgency } from '../../components/agency-select.js';
import { LoadError } from '../../components/query-state.js';
import { call, fieldErrors, messageOf } from '../../lib/api.js';
import * as api from '../../lib/endpoints.js';
import { showFieldErrors } from '../../lib/form-errors.js';

type ManagedUser = Awaited<ReturnType<typeof listUsers>>[number];
const listUsers = () => call(api.listUsers, {});
const usersKey = ['users'];

interface Values {
  username?: string;
  displayName?: string;
  password?: string;
  role?: string;
  agencyIds?: string[];
}

function NewUser({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const { agencyId, agencies } = useAgency();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const create = useMutation({
    mutationFn: (body: Parameters<typeof newUserBody.parse>[0]) =>
      call(api.createUser, { body: body as never }),
    onSuccess: (u) => {
      qc.invalidateQueries({ queryKey: usersKey });
      message.success(`已新建用户 ${u.username}`);
      onClose();
    },
    onError: (e) => setProblem(messageOf(e)),
  });
  const submit = (v: Values) => {
    setProblem(null);
    const raw = {
      ...v,
      agencyId: v.role === 'supervisor' ? undefined : agencyId,
      agencyIds: v.role === 'supervisor' ? v.agencyIds : undefined,
    };
    const checked = newUserBody.safeParse(raw);
    if (!checked.success) {
      const rest = showFieldErrors(form, fieldErrors(checked.error), [
        'username',
        'displayName',
        'password',
        'role',
        'agencyIds',
      ]);
      if (rest.length) setProblem(rest.join('；'));
      return;
    }
    create.mutate(checked.data);
  };
  return (
    <Modal
      open
      title="新建用户"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText="保存"
      cancelText="取消"
    >
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ role: 'clerk' }}>
        <Form.Item label="用户名" name="username" required>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" required>
          <Input />
        </Form.Item>
        <Form.Item label="初始密码" name="password" required>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="角色" name="role" required>
          <Select options={roles.map((r) => ({ value: r, label: roleNames[r] ?? r }))} />
        </Form.Item>
        {role === 'supervisor' && (
          <Form.Item label="监督的机关" name="agencyIds">
            <Select mode="multiple" options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function usePatchUser() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: Record<string, unknown> }) => {
      const checked = userPatchBody.safeParse(body);
      if (!checked.success) throw new Error(Object.values(fieldErrors(checked.error))[0] ?? '输入有误');
      return call(api.updateUser, { params: { userId }, body: checked.data });
    },
    onSuccess: (u, { body }) => {
      qc.invalidateQueries({ queryKey: usersKey });
      message.success(
        'password' in body
          ? `已重设 ${u.username} 的密码`
          : u.disabled
            ? `已停用 ${u.username}`
            : `已启用 ${u.username}`,
      );
    },
    onError: (e) => message.error(messageOf(e)),
  });
}

function ResetPassword({ user, onClose }: { user: ManagedUser; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const patch = usePatchUser();
  const submit = () => {
    const checked = userPatchBody.safeParse({ password });
    if (!checked.success) {
      setProblem(Object.values(fieldErrors(checked.error))[0] ?? '输入有误');
      return;
    }
    patch.mutate({ userId: user.id, body: { password } }, { onSuccess: onClose });
  };
  return (
    <Modal
      open
      title={`重设 ${user.displayName} 的密码`}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={patch.isPending}
      okText="重设"
      cancelText="取消"
    >
      <p>重设后该用户的全部会话立即结束。</p>
      <Form layout="vertical">
        <Form.Item
          label="新密码"
          validateStatus={problem ? 'error' : undefined}
          help={problem ?? '至少 10 个字符，不能是常见密码'}
        >
          <Input.Password
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function UsersPage() {
  const users = useQuery({ queryKey: usersKey, queryFn: listUsers });
  const { agencies } = useAgency();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<ManagedUser | null>(null);
  const patch = usePatchUser();
  const agencyName = (id: string | null) => agencies.find((a) => a.id === id)?.name ?? id ?? '—';
  const columns: TableColumnsType<ManagedUser> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    {
      title: '角色',
      dataIndex: 'role',
      render: (r: keyof typeof roleNames) => <Tag>{roleNames[r] ?? r}</Tag>,
    },
    {
      title: '机关',
      key: 'agency',
      render: (_, u) =>
        u.role === 'supervisor'
          ? `监督 ${u.supervises.map(agencyName).join('、') || '—'}`
          : agencyName(u.agencyId),
    },
    { title: '创建时间', dataIndex: 'createdAt', render: (t: string) => t.slice(0, 10) },
    {
      title: '状态',
      dataIndex: 'disabled',
      render: (d: boolean) => (d ? <Tag color="#595959">已停用</Tag> : <Tag color="#237804">正常</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, u) => (
        <Space>
          <Popconfirm
            title={u.disabled ? `重新启用 ${u.displayName}？` : `停用 ${u.displayName}？其会话将立即结束。`}
            okText="确定"
            cancelText="取消"
            onConfirm={() => patch.mutate({ userId: u.id, body: { disabled: !u.disabled } })}
          >
            <Button size="small" danger={!u.disabled}>
              {u.disabled ? '启用' : '停用'}
            </Button>
          </Popconfirm>
          <Button size="small" onClick={() => setResetting(u)}>
            重设密码
          </Button>
          <Link to={`/audit?user=${encodeURIComponent(u.id)}`}>操作记录</Link>
        </Space>
      ),
    },
  ];
  return (
    <div className="gk-panel">
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          新建用户
        </Button>
      </Space>
      {users.error ? (
        <LoadError error={users.error} retry={() => users.refetch()} />
      ) : (
        <Table<ManagedUser>
          size="small"
          rowKey="id"
          loading={users.isPending}
          columns={columns}
          dataSource={users.data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description="没有用户" /> }}
        />
      )}
      {adding && <NewUser onClose={() => setAdding(false)} />}
      {resetting && <ResetPassword user={resetting} onClose={() => setResetting(null)} />}
    </div>
  );
}
