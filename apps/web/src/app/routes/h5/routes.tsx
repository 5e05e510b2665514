// The phone pages, one entry each: a path pattern, who may open it, and what it shows. A new module adds its pages
// here with `lazyPage` so the first load stays light (residents open these in WeChat on weak networks), and its
// links on the home pages with one line in the entry lists below.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { Me } from '@linli/contracts';
import { roleCan } from '@linli/contracts/permissions';
import { useT } from '../../../lib/i18n.js';
import { Go, type Navigate } from '../../../components/go.js';
import { EscalationQueuePage } from '../../../features/escalations/h5/index.js';
import { HelperHome, keyFromHash, ReportPage, TaskPage, TasksPage, TrackPage, VisitPage } from '../../../features/tickets/h5/index.js';
import { LifeCirclePage, PartnerPortalH5 } from '../../../features/partners/h5/index.js';
import { MyWishesPage, RaiseWishPage, TrackWishPage, WishWallPage } from '../../../features/wishes/h5/index.js';
import { PointsEntry } from '../../../features/points/h5/points-entry.js';
import { MyOrdersPage, OrdersEntry } from '../../../features/matching/h5-orders.js';
import { CareEntry, CareListPage } from '../../../features/care/h5/care-list.js';
import { CheckinChaseList } from '../../../features/care/checkins/h5/chase-list.js';
import { CheckinPage, checkinTokenFromHash } from '../../../features/care/checkins/h5/checkin-page.js';
import { MeetingsEntry } from '../../../features/meetings/h5/entry.js';
import { VotesEntry } from '../../../features/votes/h5/entry.js';

const UpcomingMeetingsPage = lazyPage(() => import('../../../features/meetings/h5/index.js').then((m) => m.UpcomingMeetingsPage));
import { ActivitiesEntry } from '../../../features/activities/h5/entry.js';
import { PartyEntry } from '../../../features/party/h5/entry.js';
import { VolunteerEntry, VolunteerJoinEntry } from '../../../features/volunteers/h5/entry.js';
import { ProjectsEntry } from '../../../features/projects/h5/entry.js';
import { DutyEntry } from '../../../features/duty/h5/entry.js';
import { VenuesEntry } from '../../../features/venues/h5/entry.js';

/** What a page is given: the path's match, the query, the community of the link (or remembered), how to move. */
export interface PageProps {
  match: RegExpExecArray;
  params: URLSearchParams;
  community: string | null;
  navigate: Navigate;
}
/** A helper's page also has the logged-in account. */
export interface HelperPageProps extends PageProps {
  me: Me;
}

export type H5Route =
  /** Anyone with the link; `full` shows the big header with the subtitle. */
  | { access: 'public'; pattern: RegExp; full?: boolean; render(p: PageProps): ReactNode }
  /** A logged-in helper (grid worker, volunteer, party member, contact …); the login card comes first. */
  | { access: 'helper'; pattern: RegExp; render(p: HelperPageProps): ReactNode };

/** A page loaded the first time it opens, in its own chunk. */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage(props: P) {
    return (
      <Suspense fallback={<p className="muted">…</p>}>
        <Page {...props} />
      </Suspense>
    );
  };
}

const ActivitiesListPage = lazyPage(() => import('../../../features/activities/h5/pages.js').then((m) => m.ActivitiesListPage));
const ActivityPage = lazyPage(() => import('../../../features/activities/h5/pages.js').then((m) => m.ActivityPage));
const MySignupPage = lazyPage(() => import('../../../features/activities/h5/pages.js').then((m) => m.MySignupPage));
const VolunteerJoinPage = lazyPage(async () => (await import('../../../features/volunteers/h5/join-page.js')).VolunteerJoinPage);
const VolunteerSignPage = lazyPage(async () => (await import('../../../features/volunteers/h5/sign-page.js')).VolunteerSignPage);
const MyVolunteerPage = lazyPage(async () => (await import('../../../features/volunteers/h5/my-page.js')).MyVolunteerPage);
const PublicProjectsPage = lazyPage(async () => (await import('../../../features/projects/h5/pages.js')).PublicProjectsPage);
const PublicProjectPage = lazyPage(async () => (await import('../../../features/projects/h5/pages.js')).PublicProjectPage);
const VotePhonePage = lazyPage(async () => (await import('../../../features/votes/h5/index.js')).VotePhonePage);
const ConventionPhonePage = lazyPage(async () => (await import('../../../features/votes/h5/index.js')).ConventionPhonePage);
const PublishedVotesPage = lazyPage(async () => (await import('../../../features/votes/h5/index.js')).PublishedVotesPage);
const PartyPhonePage = lazyPage(async () => (await import('../../../features/party/h5/party-page.js')).PartyPhonePage);
const VenuesPhonePage = lazyPage(async () => (await import('../../../features/venues/h5/venues-page.js')).VenuesPhonePage);
const DutyPhonePage = lazyPage(async () => (await import('../../../features/duty/h5/duty-page.js')).DutyPhonePage);

/** First match wins. */
export const h5Routes: H5Route[] = [
  {
    access: 'public',
    pattern: /^\/h5\/track\/([A-Za-z0-9]+)/,
    full: true,
    render: (p) => <TrackPage code={p.match[1]!} isNew={p.params.get('new') === '1'} trackingKey={keyFromHash(location.hash)} />,
  },
  // The 15-minute life circle is public, like the report page (issue 9).
  { access: 'public', pattern: /^\/h5\/circle/, render: (p) => <LifeCirclePage communityCode={p.community} /> },
  // 微心愿 (ADR 0036): the wall and the raise form are public, a wish by its private link, a claimant's list.
  {
    access: 'public',
    pattern: /^\/h5\/wish\/([A-Za-z0-9]+)/,
    render: (p) => <TrackWishPage code={p.match[1]!} isNew={p.params.get('new') === '1'} trackingKey={keyFromHash(location.hash)} />,
  },
  { access: 'public', pattern: /^\/h5\/wishes$/, render: (p) => <WishWallPage communityCode={p.community} navigate={p.navigate} /> },
  { access: 'public', pattern: /^\/h5\/wishes\/raise/, render: (p) => <RaiseWishPage communityCode={p.community} navigate={p.navigate} /> },
  // 报平安: the elderly person's one-tap page (no login; the token is in the #t= fragment).
  { access: 'public', pattern: /^\/h5\/checkin$/, render: () => <CheckinPage token={checkinTokenFromHash(location.hash)} /> },
  { access: 'public', pattern: /^\/h5\/report/, full: true, render: (p) => <ReportPage communityCode={p.community} navigate={p.navigate} /> },
  { access: 'helper', pattern: /^\/h5\/tasks\/(\d+)/, render: (p) => <TaskPage key={p.match[1]} id={Number(p.match[1])} me={p.me} navigate={p.navigate} /> },
  { access: 'helper', pattern: /^\/h5\/tasks/, render: (p) => <TasksPage navigate={p.navigate} /> },
  { access: 'helper', pattern: /^\/h5\/visit/, render: (p) => <VisitPage me={p.me} navigate={p.navigate} /> },
  { access: 'helper', pattern: /^\/h5\/escalations/, render: (p) => <EscalationQueuePage navigate={p.navigate} /> },
  { access: 'helper', pattern: /^\/h5\/wishes\/mine/, render: () => <MyWishesPage /> },
  { access: 'helper', pattern: /^\/h5\/orders/, render: () => <MyOrdersPage /> },
  { access: 'helper', pattern: /^\/h5\/care$/, render: (p) => <CareListPage me={p.me} navigate={p.navigate} /> },
  { access: 'helper', pattern: /^\/h5\/checkins/, render: (p) => <CheckinChaseList role={p.me.role} /> },
  // 议事会议 (ADR 0045): a compound's upcoming meetings, public, no names; `compound=` narrows to one compound.
  {
    access: 'public',
    pattern: /^\/h5\/meetings$/,
    render: (p) => <UpcomingMeetingsPage communityCode={p.community} compoundId={Number(p.params.get('compound')) || undefined} />,
  },
  // 表决 (ADR 0046): the voter's page by private link (/h5/vote/<id>#k=…), or the published result without a key.
  {
    access: 'public',
    pattern: /^\/h5\/vote\/(\d+)/,
    render: (p) => <VotePhonePage key={p.match[1]} id={Number(p.match[1])} voteKey={keyFromHash(location.hash)} />,
  },
  // The results under publication (公示), of the community or `compound=` one compound with the community-wide ones.
  {
    access: 'public',
    pattern: /^\/h5\/votes$/,
    render: (p) => <PublishedVotesPage communityCode={p.community} compoundId={Number(p.params.get('compound')) || undefined} navigate={p.navigate} />,
  },
  // 小区公约: the current text of a convention, `?id=` its id.
  { access: 'public', pattern: /^\/h5\/convention$/, render: (p) => <ConventionPhonePage id={Number(p.params.get('id')) || 0} /> },
  // 积分 and 专属优惠包 (issue 10, ADR 0042): my points, perks to redeem, and the merchant's code counter (核销).
  { access: 'helper', pattern: /^\/h5\/points$/, render: () => <MyPointsH5 /> },
  { access: 'helper', pattern: /^\/h5\/perks$/, render: () => <PerksH5 /> },
  { access: 'helper', pattern: /^\/h5\/merchant$/, render: () => <MerchantH5 /> },
  // Activities (ADR 0048): the calendar, one activity with sign-up, and one's sign-up by its private link (#k=).
  { access: 'public', pattern: /^\/h5\/activities\/mine/, render: () => <MySignupPage hash={location.hash} /> },
  {
    access: 'public',
    pattern: /^\/h5\/activities\/(\d+)/,
    render: (p) => <ActivityPage id={Number(p.match[1])} communityCode={p.community} navigate={p.navigate} />,
  },
  { access: 'public', pattern: /^\/h5\/activities$/, render: (p) => <ActivitiesListPage communityCode={p.community} navigate={p.navigate} /> },
  { access: 'helper', pattern: /^\/h5\/party$/, render: (p) => <PartyPhonePage navigate={p.navigate} /> },
  // Volunteers (issue 10, ADR 0041): the public sign-up form, sign-in by the organiser's code, and 我的志愿服务.
  { access: 'public', pattern: /^\/h5\/volunteer\/join$/, render: (p) => <VolunteerJoinPage communityCode={p.community} /> },
  { access: 'helper', pattern: /^\/h5\/volunteer\/sign$/, render: (p) => <VolunteerSignPage navigate={p.navigate} /> },
  { access: 'helper', pattern: /^\/h5\/volunteer$/, render: (p) => <MyVolunteerPage navigate={p.navigate} community={p.community} /> },
  // 为民办实事 (ADR 0047): the community's projects with progress, one project's milestones and the residents' rating.
  {
    access: 'public',
    pattern: /^\/h5\/projects\/(\d+)/,
    render: (p) => <PublicProjectPage id={Number(p.match[1])} communityCode={p.community} navigate={p.navigate} />,
  },
  { access: 'public', pattern: /^\/h5\/projects$/, render: (p) => <PublicProjectsPage communityCode={p.community} navigate={p.navigate} /> },
  // 场地预约 (ADR 0047): the rooms residents may ask for, the coming week's taken times, and the request (staff approve).
  { access: 'public', pattern: /^\/h5\/venues$/, render: (p) => <VenuesPhonePage communityCode={p.community} /> },
  // 我的值守 (ADR 0044): my shifts, check-in and check-out, swaps.
  { access: 'helper', pattern: /^\/h5\/duty$/, render: (p) => <DutyPhonePage me={p.me} navigate={p.navigate} /> },
];
const MyPointsH5 = lazyPage(async () => (await import('../../../features/points/h5/points-pages.js')).MyPointsPage);
const PerksH5 = lazyPage(async () => (await import('../../../features/points/h5/points-pages.js')).PerksPage);
const MerchantH5 = lazyPage(async () => (await import('../../../features/points/h5/points-pages.js')).MerchantPage);

export interface HomeProps {
  me: Me;
  navigate: Navigate;
}

/** The home of a logged-in helper: their task list first, then one link per module that applies to them. */
export const helperEntries: Array<(p: HomeProps) => ReactNode> = [
  (p) => <HelperHome me={p.me} navigate={p.navigate} />,
  (p) => <MyWishesLink {...p} />,
  (p) => roleCan(p.me.role, 'matching.claim') && <OrdersEntry navigate={p.navigate} />,
  (p) => <CareEntry me={p.me} navigate={p.navigate} />,
  (p) => <VolunteerEntry me={p.me} navigate={p.navigate} />,
  (p) => <PointsEntry me={p.me} navigate={p.navigate} />,
  (p) => roleCan(p.me.role, 'party.serve') && <PartyEntry navigate={p.navigate} />,
  (p) => roleCan(p.me.role, 'shifts.duty') && <DutyEntry navigate={p.navigate} />,
];

/** A department's or partner's contact lands on the escalations sent to their organisation (issue 7). */
export const contactEntries: Array<(p: HomeProps) => ReactNode> = [
  (p) => <EscalationQueuePage navigate={p.navigate} />,
  (p) => p.me.role === 'partner_contact' && <HelperHome me={p.me} navigate={p.navigate} />,
  (p) => p.me.role === 'partner_contact' && <PartnerPortalH5 />,
  (p) => <MyWishesLink {...p} />,
  (p) => roleCan(p.me.role, 'matching.claim') && <OrdersEntry navigate={p.navigate} />,
  (p) => <PointsEntry me={p.me} navigate={p.navigate} />,
];

/** A resident's home (no login), for the community of the link they opened. */
export const residentEntries: Array<(p: { community: string; navigate: Navigate }) => ReactNode> = [
  (p) => (
    <Go className="big-link" to={`/h5/report?c=${encodeURIComponent(p.community)}`} navigate={p.navigate} testId="h5-report-link">
      <Label k="r.title" />
    </Go>
  ),
  (p) => (
    <Go className="big-link" to={`/h5/wishes?c=${encodeURIComponent(p.community)}`} navigate={p.navigate} testId="h5-wish-wall-link">
      <Label k="wh.wall" />
    </Go>
  ),
  (p) => <MeetingsEntry community={p.community} navigate={p.navigate} />,
  (p) => <VotesEntry community={p.community} navigate={p.navigate} />,
  (p) => <ActivitiesEntry community={p.community} navigate={p.navigate} />,
  (p) => <VolunteerJoinEntry community={p.community} navigate={p.navigate} />,
  (p) => <ProjectsEntry community={p.community} navigate={p.navigate} />,
  (p) => <VenuesEntry community={p.community} navigate={p.navigate} />,
];

/** A claimant's way to the wishes they may claim and those they claimed (微心愿). */
function MyWishesLink({ me, navigate }: HomeProps) {
  if (!roleCan(me.role, 'wishes.claim')) return null;
  return (
    <Go className="big-link" to="/h5/wishes/mine" navigate={navigate} testId="h5-my-wishes-link">
      <Label k="wh.mine" />
    </Go>
  );
}

function Label({ k }: { k: 'r.title' | 'wh.wall' | 'wh.mine' }) {
  return <>{useT().t(k)}</>;
}
