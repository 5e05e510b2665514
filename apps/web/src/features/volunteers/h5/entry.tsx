import { useEffect, useState } from 'react';
import type { Me } from '@linli/contracts';
import { roleCan } from '@linli/contracts/permissions';
import { registerMessages, useT, type Keys } from '../../../lib/i18n.js';
import { Go, type Navigate } from '../../../components/go.js';
import { fetchMyVolunteer } from './api.js';

// The home's links only: the pages' texts load with the pages (the phone's first load stays light).
const _texts = registerMessages(
  { 'vh.myTitle': '我的志愿服务', 'vh.entryHint': '编号、星级、服务时长和证明', 'vh.joinLink': '报名当志愿者' },
  { 'vh.myTitle': 'My volunteer service', 'vh.entryHint': 'Number, star level, hours and certificate', 'vh.joinLink': 'Become a volunteer' },
);
declare module '../../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

/** The helper home's link to 我的志愿服务, for an account that has a volunteer record (the pages load lazily). */
export function VolunteerEntry({ me, navigate }: { me: Me; navigate: Navigate }) {
  const { t } = useT();
  const [isVolunteer, setIsVolunteer] = useState(false);
  const can = roleCan(me.role, 'volunteers.self');
  useEffect(() => {
    if (can)
      fetchMyVolunteer().then(
        (m) => setIsVolunteer(m.volunteer != null),
        () => setIsVolunteer(false),
      );
  }, [can]);
  if (!isVolunteer) return null;
  return (
    <nav className="entries">
      <Go className="entry" to="/h5/volunteer" navigate={navigate} testId="h5-volunteer-link">
        <span className="entry-title">{t('vh.myTitle')}</span>
        <span className="entry-hint">{t('vh.entryHint')}</span>
      </Go>
    </nav>
  );
}

/** The resident home's "become a volunteer" link for the community of the link. */
export function VolunteerJoinEntry({ community, navigate }: { community: string; navigate: Navigate }) {
  const { t } = useT();
  return (
    <Go className="big-link" to={`/h5/volunteer/join?c=${encodeURIComponent(community)}`} navigate={navigate} testId="h5-volunteer-join-entry">
      {t('vh.joinLink')}
    </Go>
  );
}
