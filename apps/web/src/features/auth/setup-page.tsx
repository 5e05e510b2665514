import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import type { FirstAdminInput } from '@linli/contracts';
import { registerMessages, useT, type Keys } from '../../lib/i18n.js';
import { applyApiError, requiredRule } from '../../components/forms.js';
import { authKeys, createFirstAdmin, login } from './api.js';
import { useSetupNeeded } from './setup-needed.js';

// password.hint also serves the other new-password fields of the console.
const _texts = registerMessages(
  {
    'setup.title': '创建第一个系统管理员',
    'setup.intro':
      '这套邻里还没有任何账号。请输入服务器启动日志中打印的初始化口令（也保存在数据目录的 setup-token 文件里），并为系统管理员设置用户名和密码。创建后此页面关闭。',
    'setup.token': '初始化口令',
    'setup.username': '用户名',
    'setup.displayName': '显示名称',
    'setup.password': '密码',
    'password.hint': '至少 10 位，不能是常见密码，不能包含用户名',
    'setup.submit': '创建并登录',
  },
  {
    'setup.title': 'Create the first system administrator',
    'setup.intro':
      "This Linli has no account yet. Enter the setup token printed in the server start-up log (also kept in the setup-token file of the data folder), then choose the administrator's username and password. This page closes once the account exists.",
    'setup.token': 'Setup token',
    'setup.username': 'Username',
    'setup.displayName': 'Display name',
    'setup.password': 'Password',
    'password.hint': 'At least 10 characters, not a common password, not containing the username',
    'setup.submit': 'Create and log in',
  },
);
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

export function SetupPage() {
  const { t } = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const needed = useSetupNeeded();
  const [form] = Form.useForm<FirstAdminInput>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (needed.isLoading) return <Spin style={{ marginTop: 120, width: '100%' }} />;
  if (!needed.data) return <Navigate to="/" replace />;
  const submit = async (values: FirstAdminInput) => {
    setBusy(true);
    setError('');
    try {
      await createFirstAdmin(values);
      const me = await login({ login: values.username, password: values.password });
      qc.setQueryData(authKeys.setup, false);
      qc.setQueryData(authKeys.me, me);
      navigate('/', { replace: true });
    } catch (err) {
      setError(applyApiError(form, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(160deg,#fdf2f0,#f5f5f5)' }}>
      <Card style={{ width: 440 }} title={t('setup.title')}>
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} data-testid="setup-form" requiredMark={false}>
          <Form.Item name="setupToken" label={t('setup.token')} rules={[requiredRule(t, t('setup.token'))]}>
            <Input autoComplete="off" data-testid="setup-token" />
          </Form.Item>
          <Form.Item name="username" label={t('setup.username')} rules={[requiredRule(t, t('setup.username'))]}>
            <Input autoComplete="username" data-testid="setup-username" />
          </Form.Item>
          <Form.Item name="displayName" label={t('setup.displayName')} rules={[requiredRule(t, t('setup.displayName'))]}>
            <Input data-testid="setup-display-name" />
          </Form.Item>
          <Form.Item name="password" label={t('setup.password')} extra={t('password.hint')} rules={[requiredRule(t, t('setup.password'))]}>
            <Input.Password autoComplete="new-password" data-testid="setup-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="setup-error" />}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
