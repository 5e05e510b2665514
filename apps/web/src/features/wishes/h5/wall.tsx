import { useEffect, useState } from 'react';
import { fetchWishWall, type WishWall } from '../api.js';
import { useT } from '../../../lib/i18n.js';
import { errorText, Go, WishCard, type Navigate } from './shared.js';

/** 心愿墙: the community's published wishes, an initial and the wish each; a link to raise one's own. */
export function WishWallPage({ communityCode, navigate }: { communityCode: string | null; navigate: Navigate }) {
  const { t } = useT();
  const [wall, setWall] = useState<WishWall | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (communityCode) fetchWishWall(communityCode).then(setWall, (e) => setError(errorText(e)));
  }, [communityCode]);
  if (!communityCode) return <p className="card muted">{t('wh.noCommunity')}</p>;
  return (
    <section data-testid="h5-wish-wall">
      <div className="card">
        <h2>
          {wall?.communityName ?? ''} {t('wh.wall')}
        </h2>
        <p className="muted">{t('wh.wallHint')}</p>
        <Go to={`/h5/wishes/raise?c=${encodeURIComponent(communityCode)}`} navigate={navigate} className="big-link" testId="h5-wish-raise-link">
          {t('wh.raise')}
        </Go>
      </div>
      {error && <p className="error">{error}</p>}
      {wall && wall.items.length === 0 && <p className="muted">{t('wh.empty')}</p>}
      {wall?.items.map((w) => (
        <WishCard key={w.id} w={w} />
      ))}
    </section>
  );
}
