import { registerMessages, useT, type Keys } from '../../../lib/i18n.js';
import { Go, type Navigate } from '../../../components/go.js';

// The resident home's link to the published vote results, light: the page itself loads in its own chunk.
const _texts = registerMessages({ 'vh.entry': '表决结果公示' }, { 'vh.entry': 'Vote results' });
declare module '../../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

export function VotesEntry({ community, navigate }: { community: string; navigate: Navigate }) {
  const { t } = useT();
  return (
    <Go className="big-link" to={`/h5/votes?c=${encodeURIComponent(community)}`} navigate={navigate} testId="h5-votes-link">
      {t('vh.entry')}
    </Go>
  );
}
