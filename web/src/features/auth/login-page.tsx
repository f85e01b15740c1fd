/** 登录: username and password; an expired session arrives here with a message and a return path. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, call, messageOf } from '../../lib/api.js';
import { sessionSeen } from '../../lib/session.js';
import * as api from '../../lib/session-endpoints.js';

interface LoginForm {
  username: string;
  password: string;
}

/** Only paths inside the app (no `//host`). */
export const safeNext = (next: string | null): string =>
  next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';

export default function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const expired = params.get('expired') === '1';

  useEffect(() => {
    document.title = '登录 - 政府信息公开工作平台';
  }, []);

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const result = await call(api.login, { body: values });
      queryClient.clear();
      sessionSeen.value = true;
      const me = await call(api.me, {});
      queryClient.setQueryData(['me'], me);
      navigate(safeNext(params.get('next')), { replace: true });
      void result;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="gk-login">
      <h1 className="gk-login-title">政府信息公开工作平台</h1>
      <section className="gk-login-card" aria-labelledby="gk-login-heading">
        <h2 id="gk-login-heading" className="gk-login-heading">
          用户登录
        </h2>
        {expired && !error && (
          <Alert
            type="warning"
            showIcon
            title="会话已过期或已退出，请重新登录"
            style={{ marginBottom: 16 }}
          />
        )}
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </section>
      <p className="gk-footer-note">依据《中华人民共和国政府信息公开条例》办理政府信息公开工作</p>
    </main>
  );
}
