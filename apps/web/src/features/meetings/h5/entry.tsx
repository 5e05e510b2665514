import { registerMessages, useT, type Keys } from '../../../lib/i18n.js';
import { Go, type Navigate } from '../../../components/go.js';

// The resident home's link to the upcoming meetings, light: the page itself loads in its own chunk.
const _texts = registerMessages({ 'mh.meetings': '近期议事会议' }, { 'mh.meetings': 'Upcoming meetings' });
declare module '../../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

export function MeetingsEntry({ community, navigate }: { community: string; navigate: Navigate }) {
  const { t } = useT();
  return (
    <Go className="big-link" to={`/h5/meetings?c=${encodeURIComponent(community)}`} navigate={navigate} testId="h5-meetings-link">
      {t('mh.meetings')}
    </Go>
  );
}
