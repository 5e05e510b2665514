import { useEffect, useRef, useState } from 'react';
import { ticketTextLimits } from '@linli/contracts/labels';
import { ApiError } from '../../../lib/api.js';
import { fetchPublicCommunity, reportProblem, uploadPublicPhotos } from '../api.js';
import { useT } from '../../../lib/i18n.js';
import { PhotoPicker, pickedPhotos } from '../../../components/photo-picker.js';
import './public-messages.js';

type Form = Awaited<ReturnType<typeof fetchPublicCommunity>>;

/** The key in a tracking link's fragment (#k=…): browsers never send a fragment to the server. */
export const keyFromHash = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('k');

/** Where the community link is kept between visits: only once the community has answered it (a wrong link is never kept). */
export const COMMUNITY_KEY = 'linli.h5.community';

/** The form's own checks, worded as the page asks (never the browser's English bubbles). Field name → message key. */
type Problems = Partial<Record<'categoryId' | 'description' | 'contactPhone', 'r.needCategory' | 'r.needDescription' | 'r.needPhone'>>;
export function checkReport(f: FormData): Problems {
  const out: Problems = {};
  if (!f.get('categoryId')) out.categoryId = 'r.needCategory';
  if (String(f.get('description') ?? '').trim().length < 5) out.description = 'r.needDescription';
  if (!/^1[3-9]\d{9}$/.test(String(f.get('contactPhone') ?? '').replace(/[\s-]/g, ''))) out.contactPhone = 'r.needPhone';
  return out;
}

export function ReportPage({ communityCode, navigate }: { communityCode: string | null; navigate(path: string): void }) {
  const { t, locale } = useT();
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState('');
  const [badLink, setBadLink] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [length, setLength] = useState(0);
  const photos = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!communityCode) return;
    fetchPublicCommunity(communityCode).then(
      (c) => {
        setForm(c);
        try {
          localStorage.setItem(COMMUNITY_KEY, communityCode);
        } catch {
          /* private mode: the link works for this visit */
        }
      },
      (e) => {
        if (e instanceof ApiError && e.status === 404) {
          // A wrong or outdated link: forget it, so the next visit does not land here again.
          if (localStorage.getItem(COMMUNITY_KEY) === communityCode) localStorage.removeItem(COMMUNITY_KEY);
          setBadLink(true);
        } else setError(String(e.message));
      },
    );
  }, [communityCode]);
  if (!communityCode || badLink) return <NoCommunityHint wrong={badLink} />;
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const found = checkReport(f);
    setProblems(found);
    if (Object.keys(found).length) {
      setError(t('r.fix'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      const res = await reportProblem({
        communityCode,
        // checkReport has made sure a category is chosen.
        categoryId: Number(f.get('categoryId')),
        compoundId: Number(f.get('compoundId')) || null,
        addressText: String(f.get('addressText') || '') || null,
        description: String(f.get('description') || ''),
        contactName: String(f.get('contactName') || '') || null,
        contactPhone: String(f.get('contactPhone') || '').replace(/[\s-]/g, ''),
      });
      const key = keyFromHash(res.link.slice(res.link.indexOf('#')));
      await uploadPublicPhotos(res.code, pickedPhotos(photos.current), { key, lastFour: '' });
      navigate(`/h5/track/${res.code}?new=1#k=${key ?? ''}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} noValidate data-testid="h5-report">
      <h2>
        {t('r.title')}
        {form ? ` · ${form.name}` : ''}
      </h2>
      <label>
        <Required />
        {t('r.category')}
        <select name="categoryId" defaultValue="" aria-invalid={!!problems.categoryId} onChange={() => setProblems((p) => ({ ...p, categoryId: undefined }))}>
          <option value="" disabled>
            {t('r.choose')}
          </option>
          {form?.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {locale === 'en' ? c.nameEn : c.nameZh}
            </option>
          ))}
        </select>
        <Problem text={problems.categoryId && t(problems.categoryId)} testId="problem-category" />
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
        <input name="addressText" maxLength={ticketTextLimits.addressText} />
      </label>
      <label>
        <Required />
        {t('r.description')}
        <textarea
          name="description"
          rows={4}
          maxLength={ticketTextLimits.description}
          aria-invalid={!!problems.description}
          onChange={(e) => {
            setLength(e.target.value.length);
            setProblems((p) => ({ ...p, description: undefined }));
          }}
          data-testid="h5-description"
        />
        <span className="counter muted" data-testid="h5-description-count">
          {t('r.count', { n: length, max: ticketTextLimits.description })}
        </span>
        <Problem text={problems.description && t(problems.description)} testId="problem-description" />
      </label>
      <PhotoPicker label={t('r.photos')} inputRef={photos} testId="h5-photos" />
      <label>
        {t('r.name')}
        <input name="contactName" maxLength={ticketTextLimits.reporterName} />
      </label>
      <label>
        <Required />
        {t('r.phone')}
        <input
          name="contactPhone"
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={13}
          placeholder={t('r.phonePlaceholder')}
          aria-invalid={!!problems.contactPhone}
          onChange={() => setProblems((p) => ({ ...p, contactPhone: undefined }))}
          data-testid="h5-phone"
        />
        <Problem text={problems.contactPhone && t(problems.contactPhone)} testId="problem-phone" />
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

/** The mark of a field the form needs, read aloud as 必填. */
function Required() {
  const { t } = useT();
  return (
    <span className="required" aria-label={t('r.required')}>
      {t('r.requiredMark')}
    </span>
  );
}

function Problem({ text, testId }: { text?: string | undefined; testId: string }) {
  return text ? (
    <span className="error field-error" role="alert" data-testid={testId}>
      {text}
    </span>
  ) : null;
}

/** /h5 without a community link, or with a wrong one: how to get the right link, instead of a page with no way to report. */
export function NoCommunityHint({ wrong = false }: { wrong?: boolean }) {
  const { t } = useT();
  return (
    <section className="card" data-testid="h5-no-community">
      <h2>{t('r.title')}</h2>
      {wrong && <p className="error">{t('r.wrongLink')}</p>}
      <p>{t('r.noCommunity')}</p>
      <p className="muted">{t('r.noCommunityHow')}</p>
    </section>
  );
}
