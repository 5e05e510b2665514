import { useState, type ReactNode } from 'react';
import { App, Button, Card, Dropdown, Form, Input, Layout, Menu, Modal, Select, Space, Spin, Typography } from 'antd';
import {
  HomeOutlined, TeamOutlined, UploadOutlined, ApartmentOutlined, UserOutlined, FlagOutlined, UsergroupAddOutlined, EnvironmentOutlined,
  ShopOutlined, IdcardOutlined, SolutionOutlined, BarChartOutlined, FileExcelOutlined,
  ApiOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { roleCan, roleLabels, type Me } from '@linli/contracts';
import { post } from '../lib/api.js';
import { useT } from '../lib/i18n.js';
import { SessionProvider, useMe, useSession } from './session.js';
import { applyApiError } from './forms.js';
import { useSetupNeeded } from './pages/setup.js';

export function Shell() {
  const me = useMe();
  if (me.isLoading) return <Spin style={{ marginTop: 120, width: '100%' }} />;
  if (!me.data) return <LoginPage />;
  return (
    <SessionProvider me={me.data}>
      <ConsoleLayout />
    </SessionProvider>
  );
}

function LanguageSwitch() {
  const { locale, setLocale } = useT();
  return (
    <Select
      size="small"
      value={locale}
      data-testid="lang-switch"
      onChange={setLocale}
      options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]}
      style={{ width: 100 }}
    />
  );
}

function LoginPage() {
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
      const me = await post<Me>('/api/auth/login', values);
      qc.setQueryData(['me'], me);
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
          <Form.Item name="login" label={t('login.login')} rules={[{ required: true, message: t('login.login') }]}>
            <Input autoComplete="username" data-testid="login-username" size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.password') }]}>
            <Input.Password autoComplete="current-password" data-testid="login-password" size="large" />
          </Form.Item>
          {error && <Typography.Paragraph type="danger" data-testid="login-error">{error}</Typography.Paragraph>}
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

function ChangePassword({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  return (
    <Modal
      open={open}
      title={t('header.changePassword')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          try {
            await post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
            message.success(t('password.changed'));
            onClose();
          } catch (err) {
            const rest = applyApiError(form, err);
            if (rest) message.error(rest);
          }
        }}
      >
        <Form.Item name="currentPassword" label={t('password.current')}><Input.Password data-testid="password-current" /></Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} extra={t('password.hint')}><Input.Password autoComplete="new-password" data-testid="password-new" /></Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({ validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))) }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ConsoleLayout() {
  const { t, locale } = useT();
  const { me, communities, communityId, setCommunityId, community, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [pwOpen, setPwOpen] = useState(false);
  const section = '/' + (location.pathname.split('/')[1] ?? '');
  const items = [
    { key: '/overview', icon: <HomeOutlined />, label: t('nav.overview') },
    roleCan(me.role, 'tickets.read') && { key: '/tickets', icon: <SolutionOutlined />, label: t('nav.tickets') },
    roleCan(me.role, 'tickets.readAll') && { key: '/ledger', icon: <FileExcelOutlined />, label: t('nav.ledger') },
    roleCan(me.role, 'dashboard.read') && { key: '/dashboard', icon: <BarChartOutlined />, label: t('nav.dashboard') },
    roleCan(me.role, 'tickets.dispatch') && { key: '/ticket-settings', icon: <SettingOutlined />, label: t('nav.ticketSettings') },
    roleCan(me.role, 'places.read') && { key: '/places', icon: <ApartmentOutlined />, label: t('nav.places') },
    roleCan(me.role, 'residents.read') && { key: '/residents', icon: <TeamOutlined />, label: t('nav.residents') },
    roleCan(me.role, 'residents.import') && { key: '/import', icon: <UploadOutlined />, label: t('nav.import') },
    roleCan(me.role, 'people.read') && { key: '/party-members', icon: <FlagOutlined />, label: t('nav.partyMembers') },
    roleCan(me.role, 'people.read') && { key: '/teams', icon: <UsergroupAddOutlined />, label: t('nav.teams') },
    roleCan(me.role, 'people.read') && { key: '/stations', icon: <EnvironmentOutlined />, label: t('nav.stations') },
    roleCan(me.role, 'partners.read') && { key: '/partners', icon: <ShopOutlined />, label: t('nav.partners') },
    roleCan(me.role, 'accounts.read') && { key: '/accounts', icon: <IdcardOutlined />, label: t('nav.accounts') },
    (roleCan(me.role, 'open311.manage') || roleCan(me.role, 'webhooks.manage')) && { key: '/integrations', icon: <ApiOutlined />, label: t('nav.integrations') },
  ].filter(Boolean) as { key: string; icon: ReactNode; label: string }[];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={208}>
        <div style={{ padding: '18px 20px', fontWeight: 700, fontSize: 18, color: '#c0392b' }}>{locale === 'en' ? 'Linli' : '邻里'}</div>
        <Menu mode="inline" selectedKeys={[section]} items={items} onClick={(e) => navigate(e.key)} data-testid="nav" />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 20px', display: 'flex', alignItems: 'center', gap: 16, borderBottom: '1px solid #f0f0f0' }}>
          {communities.length > 1 ? (
            <Select
              data-testid="community-picker"
              value={communityId ?? undefined}
              onChange={setCommunityId}
              options={communities.map((c) => ({ value: c.id, label: c.name }))}
              style={{ minWidth: 180 }}
            />
          ) : (
            <Typography.Text strong data-testid="community-name">{community?.name ?? me.communityName}</Typography.Text>
          )}
          <div style={{ flex: 1 }} />
          <LanguageSwitch />
          <Dropdown
            menu={{
              items: [
                { key: 'pw', label: t('header.changePassword'), onClick: () => setPwOpen(true) },
                { key: 'out', label: t('header.logout'), onClick: () => void logout().then(() => navigate('/')) },
              ],
            }}
          >
            <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
              <UserOutlined />
              <span>{me.displayName}</span>
              <Typography.Text type="secondary">{roleLabels[locale][me.role]}</Typography.Text>
            </Space>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: 20 }}>{communityId ? <Outlet /> : <Spin />}</Layout.Content>
      </Layout>
      <ChangePassword open={pwOpen} onClose={() => setPwOpen(false)} />
    </Layout>
  );
}
