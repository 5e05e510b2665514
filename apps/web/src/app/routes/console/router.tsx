import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Spin } from 'antd';
import { createBrowserRouter, Navigate } from 'react-router';
import { Shell } from './layout.js';

/** One chunk per feature, fetched the first time one of its pages opens. */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): ReactNode {
  const Page = lazy(async () => ({ default: pick(await load()) }));
  return (
    <Suspense fallback={<Spin style={{ marginTop: 80, width: '100%' }} />}>
      <Page />
    </Suspense>
  );
}
const places = () => import('../../../features/places/index.js');
const tickets = () => import('../../../features/tickets/index.js');
const ledger = () => import('../../../features/ledger/index.js');
const people = () => import('../../../features/people/index.js');
const partners = () => import('../../../features/partners/index.js');
const secretarySessions = () => import('../../../features/secretary-sessions/index.js');
const integrations = () => import('../../../features/integrations/index.js');
const auth = () => import('../../../features/auth/pages.js');
const escalations = () => import('../../../features/escalations/index.js');
const wishes = () => import('../../../features/wishes/index.js');
const help = () => import('../../../features/help/index.js');
const matching = () => import('../../../features/matching/index.js');
const care = () => import('../../../features/care/index.js');
const meetings = () => import('../../../features/meetings/index.js');
const volunteers = () => import('../../../features/volunteers/index.js');
const points = () => import('../../../features/points/index.js');
const activities = () => import('../../../features/activities/index.js');
const party = () => import('../../../features/party/index.js');
const venues = () => import('../../../features/venues/index.js');
const projects = () => import('../../../features/projects/index.js');
const duty = () => import('../../../features/duty/index.js');
const votes = () => import('../../../features/votes/index.js');

export const consoleRouter = createBrowserRouter([
  { path: '/setup', element: page(auth, (m) => m.SetupPage) },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/overview" replace /> },
      { path: 'overview', element: page(places, (m) => m.OverviewPage) },
      { path: 'places', element: page(places, (m) => m.PlacesPage) },
      { path: 'places/:level/:id', element: page(places, (m) => m.PlacesPage) },
      { path: 'residents', element: page(places, (m) => m.ResidentsPage) },
      { path: 'import', element: page(places, (m) => m.ImportPage) },
      { path: 'tickets', element: page(tickets, (m) => m.TicketsPage) },
      { path: 'ticket-settings', element: page(tickets, (m) => m.TicketSettingsPage) },
      { path: 'dashboard', element: page(ledger, (m) => m.DashboardPage) },
      { path: 'ledger', element: page(ledger, (m) => m.LedgerPage) },
      { path: 'party-members', element: page(people, (m) => m.PartyMembersPage) },
      { path: 'teams', element: page(people, (m) => m.TeamsPage) },
      { path: 'stations', element: page(people, (m) => m.StationsPage) },
      { path: 'partners', element: page(partners, (m) => m.PartnersPage) },
      { path: 'resources', element: page(partners, (m) => m.ResourcesPage) },
      { path: 'agreements', element: page(partners, (m) => m.AgreementsPage) },
      { path: 'contributions', element: page(partners, (m) => m.ContributionsPage) },
      { path: 'partner-portal', element: page(partners, (m) => m.PartnerPortalPage) },
      { path: 'wishes', element: page(wishes, (m) => m.WishesPage) },
      { path: 'secretary-sessions', element: page(secretarySessions, (m) => m.SecretarySessionsPage) },
      { path: 'secretary-sessions/:id', element: page(secretarySessions, (m) => m.SecretarySessionPage) },
      { path: 'secretary-sessions/:id/print', element: page(secretarySessions, (m) => m.SecretarySessionPrintPage) },
      { path: 'accounts', element: page(people, (m) => m.AccountsPage) },
      { path: 'integrations', element: page(integrations, (m) => m.IntegrationsPage) },
      { path: 'organisations', element: page(escalations, (m) => m.OrganisationsPage) },
      { path: 'escalations', element: page(escalations, (m) => m.EscalationsPage) },
      { path: 'whistle-board', element: page(escalations, (m) => m.WhistleBoardPage) },
      { path: 'help', element: page(help, (m) => m.HelpPage) },
      { path: 'match-orders', element: page(matching, (m) => m.MatchOrdersPage) },
      { path: 'care-board', element: page(care, (m) => m.CareBoardPage) },
      { path: 'care-recipients', element: page(care, (m) => m.CareRecipientsPage) },
      { path: 'meetings', element: page(meetings, (m) => m.MeetingsPage) },
      { path: 'votes', element: page(votes, (m) => m.VotesPage) },
      { path: 'conventions', element: page(votes, (m) => m.ConventionsPage) },
      { path: 'volunteers', element: page(volunteers, (m) => m.VolunteersPage) },
      { path: 'perks', element: page(points, (m) => m.PerksPage) },
      { path: 'activities', element: page(activities, (m) => m.ActivitiesPage) },
      { path: 'venues', element: page(venues, (m) => m.VenuesPage) },
      { path: 'projects', element: page(projects, (m) => m.ProjectsPage) },
      { path: 'party', element: page(party, (m) => m.PartyPage) },
      { path: 'duty', element: page(duty, (m) => m.DutyPage) },
      { path: '*', element: <Navigate to="/overview" replace /> },
    ],
  },
]);
