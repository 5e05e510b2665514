import { useEffect, useRef, useState } from 'react';
import { wishCategories, wishCategoryLabels } from '@linli/contracts/wish-labels';
import { fetchCommunityForm, raiseWish, uploadRaisePhotos } from '../api.js';
import { useT } from '../../../lib/i18n.js';
import { PhotoPicker, pickedPhotos } from '../../../components/photo-picker.js';
import { errorText, type Navigate } from './shared.js';

/** A resident raises a wish: name and phone (kept private), compound, the wish, optional value and photos. */
export function RaiseWishPage({ communityCode, navigate }: { communityCode: string | null; navigate: Navigate }) {
  const { t, locale } = useT();
  const [compounds, setCompounds] = useState<Array<{ id: number; name: string }>>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const photos = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (communityCode)
      fetchCommunityForm(communityCode).then(
        (f) => setCompounds(f.compounds),
        () => setCompounds([]),
      );
  }, [communityCode]);
  if (!communityCode) return <p className="card muted">{t('wh.noCommunity')}</p>;
  const labels = { residentName: t('wh.name'), residentPhone: t('wh.phone'), text: t('wish.text'), value: t('wish.value'), photos: t('wish.photos') };
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const get = (k: string) => String(f.get(k) ?? '').trim();
    setBusy(true);
    try {
      const receipt = await raiseWish({
        communityCode,
        residentName: get('residentName'),
        residentPhone: get('residentPhone'),
        compoundId: get('compoundId') ? Number(get('compoundId')) : null,
        text: get('text'),
        category: (get('category') || null) as never,
        value: get('value') ? Number(get('value')) : null,
      });
      const key = receipt.link.split('#k=')[1] ?? '';
      const files = pickedPhotos(photos.current);
      if (files.length) await uploadRaisePhotos(receipt.code, key, files).catch(() => null);
      navigate(`/h5/wish/${receipt.code}?new=1#k=${key}`);
    } catch (err) {
      setError(errorText(err, labels));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} noValidate data-testid="h5-wish-raise">
      <h2>{t('wh.raiseTitle')}</h2>
      <p className="muted">{t('wh.raiseHint')}</p>
      <label>
        {labels.residentName}
        <input name="residentName" maxLength={40} autoComplete="name" data-testid="wish-name" />
      </label>
      <label>
        {labels.residentPhone}
        <input name="residentPhone" inputMode="numeric" maxLength={11} autoComplete="tel" data-testid="wish-phone" />
      </label>
      {compounds.length > 0 && (
        <label>
          {t('wish.compound')}
          <select name="compoundId" defaultValue="" data-testid="wish-compound">
            <option value="">—</option>
            {compounds.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {labels.text}
        <textarea name="text" rows={4} maxLength={500} data-testid="wish-text" />
      </label>
      <label>
        {t('wish.category')}
        <select name="category" defaultValue="" data-testid="wish-category">
          <option value="">—</option>
          {wishCategories.map((c) => (
            <option key={c} value={c}>
              {wishCategoryLabels[locale][c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {labels.value}
        <input name="value" inputMode="numeric" maxLength={7} data-testid="wish-value" />
      </label>
      <PhotoPicker label={labels.photos} inputRef={photos} testId="wish-photos" />
      {error && (
        <p className="error" role="alert" data-testid="wish-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} data-testid="wish-submit">
        {t('wh.submit')}
      </button>
    </form>
  );
}
