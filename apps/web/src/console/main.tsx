import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { I18nProvider, useT } from '../lib/i18n.js';
import './messages.js';
import './people.messages.js';
import { Shell } from './shell.js';
import { OverviewPage } from './pages/overview.js';
import { PlacesPage } from './pages/places.js';
import { ResidentsPage } from './pages/residents.js';
import { ImportPage } from './pages/import.js';
import { TicketsPage } from './pages/tickets.js';
import { DashboardPage } from './pages/dashboard.js';
import { LedgerPage } from './pages/ledger.js';
import { PartyMembersPage, StationsPage, TeamsPage } from './pages/people.js';
import { PartnersPage } from './pages/partners.js';
import { AccountsPage } from './pages/accounts.js';
import { IntegrationsPage } from './pages/integrations.js';
import { TicketSettingsPage } from './pages/ticket-settings.js';
import { SetupPage } from './pages/setup.js';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

const router = createBrowserRouter([
  { path: '/setup', element: <SetupPage /> },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/overview" replace /> },
      { path: 'overview', element: <OverviewPage /> },
      { path: 'places', element: <PlacesPage /> },
      { path: 'places/:level/:id', element: <PlacesPage /> },
      { path: 'residents', element: <ResidentsPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'tickets', element: <TicketsPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'ledger', element: <LedgerPage /> },
      { path: 'ticket-settings', element: <TicketSettingsPage /> },
      { path: 'party-members', element: <PartyMembersPage /> },
      { path: 'teams', element: <TeamsPage /> },
      { path: 'stations', element: <StationsPage /> },
      { path: 'partners', element: <PartnersPage /> },
      { path: 'accounts', element: <AccountsPage /> },
      { path: 'integrations', element: <IntegrationsPage /> },
      { path: '*', element: <Navigate to="/overview" replace /> },
    ],
  },
]);

function Themed() {
  const { locale } = useT();
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#c0392b', borderRadius: 6 } }}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
