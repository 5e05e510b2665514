import { registerMessages, useT, type Keys } from '../../../lib/i18n.js';
import { Go, type Navigate } from '../../../components/go.js';

// The resident home's link to the community's rooms, light: the page loads in its own chunk.
const _texts = registerMessages({ 'vh5.entry': '借用社区活动室' }, { 'vh5.entry': 'Book a community room' });
declare module '../../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

export function VenuesEntry({ community, navigate }: { community: string; navigate: Navigate }) {
  const { t } = useT();
  return (
    <Go className="big-link" to={`/h5/venues?c=${encodeURIComponent(community)}`} navigate={navigate} testId="h5-venues-link">
      {t('vh5.entry')}
    </Go>
  );
}
