import { Fragment, useEffect, useState } from 'react';
import type { Me } from '@linli/contracts';
import { fetchMe } from '../../../features/auth/api.js';
import { COMMUNITY_KEY, LookupBox, NoCommunityHint } from '../../../features/tickets/h5/index.js';
import { LoginCard, MeCard, Shell } from './shell.js';
import { contactEntries, h5Routes, helperEntries, residentEntries } from './routes.js';

const isContact = (me: Me) => me.role === 'department_contact' || me.role === 'partner_contact';

/**
 * A tiny path router, no router library on the phone: the pages are the table in routes.tsx. Public pages open with
 * no login; a helper's page shows the login card first when the session is gone. /h5 is the home: a resident's
 * links for the community of the link, or a logged-in helper's (or contact's) own entries.
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
  let found: { route: (typeof h5Routes)[number]; match: RegExpExecArray } | undefined;
  for (const route of h5Routes) {
    const match = route.pattern.exec(loc.path);
    if (match) {
      found = { route, match };
      break;
    }
  }
  const needsMe = !found || found.route.access === 'helper';
  useEffect(() => {
    if (needsMe && me === undefined) fetchMe().then(setMe, () => setMe(null));
  }, [needsMe, me]);

  if (found) {
    const { route, match } = found;
    const props = { match, params, community, navigate };
    if (route.access === 'public') return <Shell compact={!route.full}>{route.render(props)}</Shell>;
    return <Shell compact>{me === undefined ? null : !me ? <LoginCard onLogin={setMe} /> : route.render({ ...props, me })}</Shell>;
  }
  if (me) {
    const entries = isContact(me) ? contactEntries : helperEntries;
    return (
      <Shell compact={isContact(me)}>
        {entries.map((entry, i) => (
          <Fragment key={i}>{entry({ me, navigate })}</Fragment>
        ))}
        <MeCard me={me} onLogout={() => setMe(null)} />
      </Shell>
    );
  }
  return (
    <Shell>
      {!community && <NoCommunityHint />}
      {community && residentEntries.map((entry, i) => <Fragment key={i}>{entry({ community, navigate })}</Fragment>)}
      <LookupBox navigate={navigate} />
      {me === null && <LoginCard onLogin={setMe} />}
    </Shell>
  );
}
