import { useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api.js';
import { fetchPublicCommunity, reportProblem, uploadPublicPhotos } from '../api.js';
import { useT } from '../../../lib/i18n.js';
import './public-messages.js';

type Form = Awaited<ReturnType<typeof fetchPublicCommunity>>;

export const pickedFiles = (form: FormData) => (form.getAll('photos') as File[]).filter((f) => f.size > 0);

/** The key in a tracking link's fragment (#k=…): browsers never send a fragment to the server. */
export const keyFromHash = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('k');

export function ReportPage({ communityCode, navigate }: { communityCode: string | null; navigate(path: string): void }) {
  const { t, locale } = useT();
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (communityCode) fetchPublicCommunity(communityCode).then(setForm, (e) => setError(String(e.message)));
  }, [communityCode]);
  if (!communityCode)
    return (
      <section className="card">
        <p>{t('r.noCommunity')}</p>
      </section>
    );
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError('');
    try {
      const res = await reportProblem({
        communityCode,
        // The select is required: the browser does not submit the form without a category.
        categoryId: Number(f.get('categoryId')),
        compoundId: Number(f.get('compoundId')) || null,
        addressText: String(f.get('addressText') || '') || null,
        description: String(f.get('description') || ''),
        contactName: String(f.get('contactName') || '') || null,
        contactPhone: String(f.get('contactPhone') || ''),
      });
      const key = keyFromHash(res.link.slice(res.link.indexOf('#')));
      await uploadPublicPhotos(res.code, pickedFiles(f), { key, lastFour: '' });
      navigate(`/h5/track/${res.code}?new=1#k=${key ?? ''}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="h5-report">
      <h2>
        {t('r.title')}
        {form ? ` · ${form.name}` : ''}
      </h2>
      <label>
        {t('r.category')}
        <select name="categoryId" required defaultValue="">
          <option value="" disabled>
            {t('r.choose')}
          </option>
          {form?.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {locale === 'en' ? c.nameEn : c.nameZh}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('r.compound')}
        <select name="compoundId" defaultValue="">
          <option value="">{t('r.choose')}</option>
          {form?.compounds.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('r.address')}
        <input name="addressText" maxLength={200} />
      </label>
      <label>
        {t('r.description')}
        <textarea name="description" rows={4} required minLength={5} maxLength={2000} />
      </label>
      <label>
        {t('r.photos')}
        <input name="photos" type="file" accept="image/jpeg,image/png" multiple data-testid="h5-photos" />
      </label>
      <label>
        {t('r.name')}
        <input name="contactName" maxLength={40} />
      </label>
      <label>
        {t('r.phone')}
        <input name="contactPhone" type="tel" inputMode="numeric" required pattern="1[3-9][0-9]{9}" />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('r.submit')}
      </button>
    </form>
  );
}
