import { useEffect, useRef, useState } from 'react';
import { claimWish, fetchMyWishes, fulfilWish, uploadWishPhotos, type MyWishes } from '../api.js';
import { useT } from '../../../lib/i18n.js';
import { PhotoPicker, pickedPhotos } from '../../../components/photo-picker.js';
import { errorText, WishCard } from './shared.js';

/** A claimant's phone page: wishes open to claim in their community, and those they (or their unit) claimed. */
export function MyWishesPage() {
  const { t } = useT();
  const [data, setData] = useState<MyWishes | null>(null);
  const [error, setError] = useState('');
  const load = () => fetchMyWishes().then(setData, (e) => setError(errorText(e)));
  useEffect(() => void load(), []);
  if (!data) return error ? <p className="error">{error}</p> : null;
  return (
    <section data-testid="h5-my-wishes">
      <h2>{t('wh.mine')}</h2>
      <p className="muted">{t('wh.mineHint')}</p>
      {data.mine.length === 0 && <p className="muted">{t('wh.empty')}</p>}
      {data.mine.map((w) => (
        <WishCard key={w.id} w={w}>
          {w.myShareNote && <p className="muted">{w.myShareNote}</p>}
          {w.resultNote && <p>{w.resultNote}</p>}
          {w.canFulfil && <FulfilForm id={w.id} onDone={load} />}
        </WishCard>
      ))}
      <h2>{t('wh.claimable')}</h2>
      {data.claimable.length === 0 && <p className="muted">{t('wh.empty')}</p>}
      {data.claimable.map((w) => (
        <WishCard key={w.id} w={w}>
          <ClaimForm id={w.id} onDone={load} />
        </WishCard>
      ))}
    </section>
  );
}

function ClaimForm({ id, onDone }: { id: number; onDone(): void }) {
  const { t } = useT();
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const claim = async () => {
    try {
      await claimWish(id, { shareNote: note.trim() || null });
      onDone();
    } catch (err) {
      setError(errorText(err, { shareNote: t('wish.shareNote') }));
    }
  };
  return (
    <div className="stack">
      <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} placeholder={t('wh.sharePlaceholder')} data-testid={`wish-share-${id}`} />
      <button onClick={() => void claim()} data-testid={`wish-claim-${id}`}>
        {t('wh.claim')}
      </button>
      {error && <p className="error">{error}</p>}
    </div>
  );
}

function FulfilForm({ id, onDone }: { id: number; onDone(): void }) {
  const { t } = useT();
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const photos = useRef<HTMLInputElement>(null);
  const fulfil = async () => {
    try {
      const files = pickedPhotos(photos.current);
      if (files.length) await uploadWishPhotos(id, files);
      await fulfilWish(id, note.trim());
      onDone();
    } catch (err) {
      setError(errorText(err, { note: t('wh.fulfilNote'), photos: t('wish.photos') }));
    }
  };
  return (
    <div className="stack">
      <label>
        {t('wh.fulfilNote')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={1000} data-testid={`wish-fulfil-note-${id}`} />
      </label>
      <PhotoPicker label={t('wh.fulfilPhotos')} inputRef={photos} testId={`wish-fulfil-photos-${id}`} />
      <button onClick={() => void fulfil()} data-testid={`wish-fulfil-${id}`}>
        {t('wh.fulfil')}
      </button>
      {error && <p className="error">{error}</p>}
    </div>
  );
}
