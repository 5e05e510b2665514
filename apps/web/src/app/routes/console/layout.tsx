import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Dropdown, Layout, Menu, Select, Space, Spin, Typography } from 'antd';
import {
  HomeOutlined,
  TeamOutlined,
  UploadOutlined,
  ApartmentOutlined,
  UserOutlined,
  FlagOutlined,
  UsergroupAddOutlined,
  EnvironmentOutlined,
  ShopOutlined,
  IdcardOutlined,
  SolutionOutlined,
  BarChartOutlined,
  FileExcelOutlined,
  ApiOutlined,
  SettingOutlined,
  CommentOutlined,
  HeartOutlined,
  NodeIndexOutlined,
  CalendarOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { roleCan, roleLabels } from '@linli/contracts';
import { useT } from '../../../lib/i18n.js';
import { useSession } from '../../../lib/session.js';
import { LanguageSwitch } from '../../../components/language-switch.js';
import { SessionProvider, useMe } from '../../../features/auth/index.js';

// The login and password forms load on demand: a logged-in console never needs them to start.
const LoginPage = lazy(async () => ({ default: (await import('../../../features/auth/pages.js')).LoginPage }));
const ChangePassword = lazy(async () => ({ default: (await import('../../../features/auth/pages.js')).ChangePassword }));
const spinner = <Spin style={{ marginTop: 120, width: '100%' }} />;

type NavItem = { key: string; icon: ReactNode; label: string };

export function Shell() {
  const me = useMe();
  if (me.isLoading) return spinner;
  if (!me.data)
    return (
      <Suspense fallback={spinner}>
        <LoginPage />
      </Suspense>
    );
  return (
    <SessionProvider me={me.data}>
      <ConsoleLayout />
    </SessionProvider>
  );
}

function ConsoleLayout() {
  const { t, locale } = useT();
  const { me, communities, communityId, setCommunityId, community, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [pwOpen, setPwOpen] = useState(false);
  const current = '/' + (location.pathname.split('/')[1] ?? '');
  // The menu in sections, as a community's work is divided; a section shows only when one of its pages may open.
  const item = (...xs: Array<NavItem | false>) => xs.filter(Boolean) as NavItem[];
  const section = (label: string, children: NavItem[]) => (children.length ? [{ type: 'group' as const, key: label, label, children }] : []);
  const items = [
    { key: '/overview', icon: <HomeOutlined />, label: t('nav.overview') },
    ...section(
      t('nav.group.work'),
      item(
        roleCan(me.role, 'tickets.read') && { key: '/tickets', icon: <SolutionOutlined />, label: t('nav.tickets') },
        roleCan(me.role, 'escalations.read') && { key: '/escalations', icon: <SolutionOutlined />, label: t('nav.escalations') },
        roleCan(me.role, 'escalations.board') && { key: '/whistle-board', icon: <BarChartOutlined />, label: t('nav.whistleBoard') },
        roleCan(me.role, 'sessions.read') && { key: '/secretary-sessions', icon: <CommentOutlined />, label: t('nav.secretarySessions') },
        roleCan(me.role, 'meetings.read') && { key: '/meetings', icon: <CommentOutlined />, label: t('nav.meetings') },
        roleCan(me.role, 'projects.read') && { key: '/projects', icon: <FlagOutlined />, label: t('nav.projects') },
        roleCan(me.role, 'votes.read') && { key: '/votes', icon: <CommentOutlined />, label: t('nav.votes') },
        roleCan(me.role, 'conventions.read') && { key: '/conventions', icon: <CommentOutlined />, label: t('nav.conventions') },
        roleCan(me.role, 'tickets.dispatch') && { key: '/ticket-settings', icon: <SettingOutlined />, label: t('nav.ticketSettings') },
      ),
    ),
    ...section(
      t('nav.group.services'),
      item(
        roleCan(me.role, 'wishes.read') && { key: '/wishes', icon: <HeartOutlined />, label: t('nav.wishes') },
        roleCan(me.role, 'help.read') && { key: '/help', icon: <HeartOutlined />, label: t('nav.help') },
        roleCan(me.role, 'matching.read') && { key: '/match-orders', icon: <NodeIndexOutlined />, label: t('nav.matchOrders') },
        roleCan(me.role, 'care.read') && { key: '/care-board', icon: <HeartOutlined />, label: t('nav.careBoard') },
        roleCan(me.role, 'care.read') && { key: '/care-recipients', icon: <HeartOutlined />, label: t('nav.careRecipients') },
        roleCan(me.role, 'activities.read') && { key: '/activities', icon: <CalendarOutlined />, label: t('nav.activities') },
        roleCan(me.role, 'venues.read') && { key: '/venues', icon: <CalendarOutlined />, label: t('nav.venues') },
      ),
    ),
    ...section(
      t('nav.group.people'),
      item(
        roleCan(me.role, 'people.read') && { key: '/party-members', icon: <FlagOutlined />, label: t('nav.partyMembers') },
        roleCan(me.role, 'party.read') && { key: '/party', icon: <FlagOutlined />, label: t('nav.party') },
        roleCan(me.role, 'people.read') && { key: '/teams', icon: <UsergroupAddOutlined />, label: t('nav.teams') },
        roleCan(me.role, 'volunteers.read') && { key: '/volunteers', icon: <HeartOutlined />, label: t('nav.volunteers') },
        roleCan(me.role, 'shifts.read') && { key: '/duty', icon: <CalendarOutlined />, label: t('nav.duty') },
        roleCan(me.role, 'perks.write') && { key: '/perks', icon: <HeartOutlined />, label: t('nav.perks') },
        roleCan(me.role, 'people.read') && { key: '/stations', icon: <EnvironmentOutlined />, label: t('nav.stations') },
        roleCan(me.role, 'accounts.read') && { key: '/accounts', icon: <IdcardOutlined />, label: t('nav.accounts') },
      ),
    ),
    ...section(
      t('nav.group.partners'),
      item(
        roleCan(me.role, 'partners.read') && { key: '/partners', icon: <ShopOutlined />, label: t('nav.partners') },
        roleCan(me.role, 'partners.portal') && { key: '/partner-portal', icon: <ShopOutlined />, label: t('nav.partnerPortal') },
        roleCan(me.role, 'resources.read') && me.role !== 'partner_contact' && { key: '/resources', icon: <ShopOutlined />, label: t('nav.resources') },
        roleCan(me.role, 'agreements.read') && me.role !== 'partner_contact' && { key: '/agreements', icon: <ShopOutlined />, label: t('nav.agreements') },
        roleCan(me.role, 'contributions.read') &&
          me.role !== 'partner_contact' && { key: '/contributions', icon: <ShopOutlined />, label: t('nav.contributions') },
        roleCan(me.role, 'orgs.write') && { key: '/organisations', icon: <ShopOutlined />, label: t('nav.organisations') },
      ),
    ),
    ...section(
      t('nav.group.places'),
      item(
        roleCan(me.role, 'places.read') && { key: '/places', icon: <ApartmentOutlined />, label: t('nav.places') },
        roleCan(me.role, 'residents.read') && { key: '/residents', icon: <TeamOutlined />, label: t('nav.residents') },
        roleCan(me.role, 'residents.import') && { key: '/import', icon: <UploadOutlined />, label: t('nav.import') },
      ),
    ),
    ...section(
      t('nav.group.data'),
      item(
        roleCan(me.role, 'dashboard.read') && { key: '/dashboard', icon: <BarChartOutlined />, label: t('nav.dashboard') },
        roleCan(me.role, 'tickets.readAll') && { key: '/ledger', icon: <FileExcelOutlined />, label: t('nav.ledger') },
        (roleCan(me.role, 'open311.manage') || roleCan(me.role, 'webhooks.manage')) && {
          key: '/integrations',
          icon: <ApiOutlined />,
          label: t('nav.integrations'),
        },
      ),
    ),
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={208}>
        <div style={{ padding: '18px 20px', fontWeight: 700, fontSize: 18, color: '#c0392b' }}>{locale === 'en' ? 'Linli' : '邻里'}</div>
        <Menu mode="inline" selectedKeys={[current]} items={items} onClick={(e) => navigate(e.key)} data-testid="nav" />
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
            <Typography.Text strong data-testid="community-name">
              {community?.name ?? me.communityName}
            </Typography.Text>
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
      {pwOpen && (
        <Suspense fallback={null}>
          <ChangePassword open={pwOpen} onClose={() => setPwOpen(false)} />
        </Suspense>
      )}
    </Layout>
  );
}
