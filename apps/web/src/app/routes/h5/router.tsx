import { useEffect, useState } from 'react';
import type { Me } from '@linli/contracts';
import { roleLabels } from '@linli/contracts/roles';
import { ApiError } from '../../../lib/api.js';
import { fetchMe, login, logout } from '../../../features/auth/api.js';
import { registerMessages, useT, type Keys } from '../../../lib/i18n.js';
import { EscalationQueuePage } from '../../../features/escalations/h5/index.js';
import { HelperHome, keyFromHash, LookupBox, ReportPage, TaskPage, TasksPage, TrackPage, VisitPage } from '../../../features/tickets/h5/index.js';
import { COMMUNITY_KEY, NoCommunityHint } from '../../../features/tickets/h5/index.js';
import { LifeCirclePage, PartnerPortalH5 } from '../../../features/partners/h5/index.js';
import { MyWishesPage, RaiseWishPage, TrackWishPage, WishWallPage } from '../../../features/wishes/h5/index.js';
import { MyOrdersPage, OrdersEntry } from '../../../features/matching/h5-orders.js';
import { roleCan } from '@linli/contracts/permissions';
import { CareEntry, CareListPage } from '../../../features/care/h5/care-list.js';
import { CheckinChaseList } from '../../../features/care/checkins/h5/chase-list.js';
import { CheckinPage, checkinTokenFromHash } from '../../../features/care/checkins/h5/checkin-page.js';

const _texts = registerMessages(
  {
    'h5.title': '邻里',
    'h5.subtitle': '有事找社区，身边有邻里',
    'h5.helperLogin': '网格员、楼栋长、志愿者登录',
    'h5.login': '用户名或手机号',
    'h5.password': '密码',
    'h5.submit': '登录',
    'h5.logout': '退出登录',
    'h5.me': '我的',
    'h5.role': '身份',
    'h5.community': '社区',
    'h5.hello': '您好，{name}',
    'h5.lang': 'English',
    'h5.enter': '请输入{field}',
  },
  {
    'h5.title': 'Linli',
    'h5.subtitle': 'Your community, close at hand',
    'h5.helperLogin': 'Log in as a helper',
    'h5.login': 'Username or phone',
    'h5.password': 'Password',
    'h5.submit': 'Log in',
    'h5.logout': 'Log out',
    'h5.me': 'Me',
    'h5.role': 'Role',
    'h5.community': 'Community',
    'h5.hello': 'Hello, {name}',
    'h5.lang': '中文',
    'h5.enter': '{field} is required',
  },
);
declare module '../../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

function Shell({ compact, children }: { compact?: boolean; children: React.ReactNode }) {
  const { t, locale, setLocale } = useT();
  return (
    <main className={compact ? 'page compact' : 'page'}>
      <header className="hero">
        <button className="lang" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {t('h5.lang')}
        </button>
        <h1>{t('h5.title')}</h1>
        {!compact && <p>{t('h5.subtitle')}</p>}
      </header>
      <div className="stack">{children}</div>
    </main>
  );
}

function LoginCard({ onLogin }: { onLogin(me: Me): void }) {
  const { t } = useT();
  const [error, setError] = useState('');
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    // Our own words, not the browser's (English) bubbles: 请输入… for an empty field.
    const empty = !form.get('login') ? 'h5.login' : !form.get('password') ? 'h5.password' : null;
    if (empty) return setError(t('h5.enter', { field: t(empty) }));
    setError('');
    try {
      onLogin(await login({ login: String(form.get('login') ?? ''), password: String(form.get('password') ?? '') }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form className="card" onSubmit={submit} noValidate data-testid="h5-login">
      <h2>{t('h5.helperLogin')}</h2>
      <label>
        {t('h5.login')}
        <input name="login" autoComplete="username" />
      </label>
      <label>
        {t('h5.password')}
        <input name="password" type="password" autoComplete="current-password" />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">{t('h5.submit')}</button>
    </form>
  );
}

function MeCard({ me, onLogout }: { me: Me; onLogout(): void }) {
  const { t, locale } = useT();
  return (
    <section className="card" data-testid="h5-me">
      <h2>{t('h5.hello', { name: me.displayName })}</h2>
      <dl>
        <dt>{t('h5.role')}</dt>
        <dd>{roleLabels[locale][me.role]}</dd>
        <dt>{t('h5.community')}</dt>
        <dd>{me.communityName ?? me.subdistrictName ?? '—'}</dd>
      </dl>
      <button className="secondary" onClick={() => void logout().then(onLogout)}>
        {t('h5.logout')}
      </button>
    </section>
  );
}

/**
 * A tiny path router, no router library on the phone: /h5, /h5/report?c=<community code>, /h5/track/<code>, and for a
 * logged-in helper /h5/tasks, /h5/tasks/<id>, /h5/visit and a contact's /h5/escalations (a login card first when the
 * session is gone); a department's or partner's contact lands on /h5 on their escalations.
 */
export function H5Router() {
  const [loc, setLoc] = useState(() => ({ path: location.pathname, search: location.search }));
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    const onPop = () => setLoc({ path: location.pathname, search: location.search });
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (to: string) => {
    history.pushState(null, '', to);
    setLoc({ path: location.pathname, search: location.search });
    window.scrollTo(0, 0);
  };
  const params = new URLSearchParams(loc.search);
  // The report page keeps a community link only once the community has answered it (a wrong link is not remembered).
  const community = params.get('c') ?? localStorage.getItem(COMMUNITY_KEY);
  const track = /^\/h5\/track\/([A-Za-z0-9]+)/.exec(loc.path);
  const isReport = loc.path.startsWith('/h5/report');
  // The 15-minute life circle is public, like the report page (issue 9).
  const isCircle = loc.path.startsWith('/h5/circle');
  // 微心愿 (ADR 0036): the wall and the raise form are public, a wish by its private link, a claimant's list.
  const wishTrack = /^\/h5\/wish\/([A-Za-z0-9]+)/.exec(loc.path);
  const wishPublic = loc.path === '/h5/wishes' ? 'wall' : loc.path.startsWith('/h5/wishes/raise') ? 'raise' : null;
  // 报平安: the elderly person's one-tap page (no login; the token is in the #t= fragment).
  const isCheckin = loc.path === '/h5/checkin';
  const task = /^\/h5\/tasks\/(\d+)/.exec(loc.path);
  const helperPage = task
    ? 'task'
    : loc.path.startsWith('/h5/tasks')
      ? 'tasks'
      : loc.path.startsWith('/h5/visit')
        ? 'visit'
        : loc.path.startsWith('/h5/escalations')
          ? 'escalations'
          : loc.path.startsWith('/h5/wishes/mine')
            ? 'wishes'
            : loc.path.startsWith('/h5/orders')
              ? 'orders'
              : loc.path === '/h5/care'
                ? 'care'
                : loc.path.startsWith('/h5/checkins')
                  ? 'checkins'
                  : null;
  const needsMe = !track && !isReport && !isCircle && !wishTrack && !wishPublic && !isCheckin;
  useEffect(() => {
    if (needsMe && me === undefined) fetchMe().then(setMe, () => setMe(null));
  }, [needsMe, me]);

  if (track)
    return (
      <Shell>
        <TrackPage code={track[1]!} isNew={params.get('new') === '1'} trackingKey={keyFromHash(location.hash)} />
      </Shell>
    );
  if (isCircle)
    return (
      <Shell compact>
        <LifeCirclePage communityCode={community} />
      </Shell>
    );
  if (wishTrack)
    return (
      <Shell compact>
        <TrackWishPage code={wishTrack[1]!} isNew={params.get('new') === '1'} trackingKey={keyFromHash(location.hash)} />
      </Shell>
    );
  if (wishPublic)
    return (
      <Shell compact>
        {wishPublic === 'wall' ? (
          <WishWallPage communityCode={community} navigate={navigate} />
        ) : (
          <RaiseWishPage communityCode={community} navigate={navigate} />
        )}
      </Shell>
    );
  if (isCheckin)
    return (
      <Shell compact>
        <CheckinPage token={checkinTokenFromHash(location.hash)} />
      </Shell>
    );
  if (isReport)
    return (
      <Shell>
        <ReportPage communityCode={community} navigate={navigate} />
      </Shell>
    );
  if (helperPage) {
    return (
      <Shell compact>
        {me === undefined ? null : !me ? (
          <LoginCard onLogin={setMe} />
        ) : helperPage === 'task' ? (
          <TaskPage key={task![1]} id={Number(task![1])} me={me} navigate={navigate} />
        ) : helperPage === 'tasks' ? (
          <TasksPage navigate={navigate} />
        ) : helperPage === 'checkins' ? (
          <CheckinChaseList role={me.role} />
        ) : helperPage === 'escalations' ? (
          <EscalationQueuePage navigate={navigate} />
        ) : helperPage === 'wishes' ? (
          <MyWishesPage />
        ) : helperPage === 'orders' ? (
          <MyOrdersPage />
        ) : helperPage === 'care' ? (
          <CareListPage me={me} navigate={navigate} />
        ) : (
          <VisitPage me={me} navigate={navigate} />
        )}
      </Shell>
    );
  }
  // A department's or partner's contact lands on the escalations sent to their organisation (issue 7).
  if (me && isContact(me))
    return (
      <Shell compact>
        <EscalationQueuePage navigate={navigate} />
        {me.role === 'partner_contact' && <HelperHome me={me} navigate={navigate} />}
        {me.role === 'partner_contact' && <PartnerPortalH5 />}
        <MyWishesLink me={me} navigate={navigate} />
        {roleCan(me.role, 'matching.claim') && <OrdersEntry navigate={navigate} />}
        <MeCard me={me} onLogout={() => setMe(null)} />
      </Shell>
    );
  return (
    <Shell>
      {me ? (
        <>
          <HelperHome me={me} navigate={navigate} />
          <MyWishesLink me={me} navigate={navigate} />
          {roleCan(me.role, 'matching.claim') && <OrdersEntry navigate={navigate} />}
          <CareEntry me={me} navigate={navigate} />
          <MeCard me={me} onLogout={() => setMe(null)} />
        </>
      ) : (
        <>
          {!community && <NoCommunityHint />}
          {community && (
            <a
              className="big-link"
              href={`/h5/report?c=${encodeURIComponent(community)}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/h5/report?c=${encodeURIComponent(community)}`);
              }}
              data-testid="h5-report-link"
            >
              <ReportLabel />
            </a>
          )}
          {community && (
            <a
              className="big-link"
              href={`/h5/wishes?c=${encodeURIComponent(community)}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/h5/wishes?c=${encodeURIComponent(community)}`);
              }}
              data-testid="h5-wish-wall-link"
            >
              <WishWallLabel />
            </a>
          )}
          <LookupBox navigate={navigate} />
          {me === null && <LoginCard onLogin={setMe} />}
        </>
      )}
    </Shell>
  );
}

/** A claimant's way to the wishes they may claim and those they claimed (微心愿). */
function MyWishesLink({ me, navigate }: { me: Me; navigate(to: string): void }) {
  const { t } = useT();
  if (!roleCan(me.role, 'wishes.claim')) return null;
  return (
    <a
      className="big-link"
      href="/h5/wishes/mine"
      onClick={(e) => {
        e.preventDefault();
        navigate('/h5/wishes/mine');
      }}
      data-testid="h5-my-wishes-link"
    >
      {t('wh.mine')}
    </a>
  );
}

const isContact = (me: Me) => me.role === 'department_contact' || me.role === 'partner_contact';

function WishWallLabel() {
  return <>{useT().t('wh.wall')}</>;
}

function ReportLabel() {
  return <>{useT().t('r.title')}</>;
}
