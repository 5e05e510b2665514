import { useState } from 'react';
import { Button, Card, Form, Input, Typography } from 'antd';
import { Navigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../lib/i18n.js';
import { applyApiError, requiredRule } from '../../components/forms.js';
import { LanguageSwitch } from '../../components/language-switch.js';
import { authKeys, login } from './api.js';
import { useSetupNeeded } from './setup-needed.js';

export function LoginPage() {
  const { t } = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const setupNeeded = useSetupNeeded();
  const submit = async (values: { login: string; password: string }) => {
    setBusy(true);
    setError('');
    try {
      qc.setQueryData(authKeys.me, await login(values));
    } catch (err) {
      setError(applyApiError(form, err));
    } finally {
      setBusy(false);
    }
  };
  if (setupNeeded.data) return <Navigate to="/setup" replace />;
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(160deg,#fdf2f0,#f5f5f5)' }}>
      <Card style={{ width: 380 }} title={t('login.title')} extra={<LanguageSwitch />}>
        <Form form={form} layout="vertical" onFinish={submit} data-testid="login-form" requiredMark={false}>
          <Form.Item name="login" label={t('login.login')} rules={[requiredRule(t, t('login.login'))]}>
            <Input autoComplete="username" data-testid="login-username" size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[requiredRule(t, t('login.password'))]}>
            <Input.Password autoComplete="current-password" data-testid="login-password" size="large" />
          </Form.Item>
          {error && (
            <Typography.Paragraph type="danger" data-testid="login-error">
              {error}
            </Typography.Paragraph>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
