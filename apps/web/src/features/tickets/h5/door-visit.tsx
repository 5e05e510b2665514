import { useEffect, useRef, useState } from 'react';
import type { Me, TicketCategory, TicketDetail } from '@linli/contracts';
import { channelLabels } from '@linli/contracts/labels';
import { fetchBuildings, fetchCompounds } from '../../places/api.js';
import { createTicket, fetchCategories } from '../api.js';
import { registerMessages, useT, type Keys } from '../../../lib/i18n.js';
import { BackBar, errorText, MAX_PHOTOS, PhotoPicker, pickedPhotos, uploadPhotos, type Navigate } from './shared.js';

const _texts = registerMessages(
  {
    'v.title': '入户走访登记',
    'v.category': '问题类别',
    'v.compound': '小区',
    'v.building': '楼栋',
    'v.address': '单元、门牌（可不填）',
    'v.text': '居民反映的问题',
    'v.name': '居民称呼（可不填）',
    'v.phone': '居民手机号（可不填）',
    'v.anonymous': '居民不愿留名（匿名登记）',
    'v.photos': '照片（最多 5 张，可不传）',
    'v.save': '登记',
    'v.saved': '已登记',
    'v.code': '诉求编号',
    'v.codeHint': '请把查询码和链接交给居民：凭它们可查询进度、补充情况、评价办理结果（只显示这一次）',
    'v.trackingCode': '居民查询码',
    'v.trackingLink': '居民查询链接',
    'v.another': '再登记一户',
    'v.home': '回到首页',
    'v.choose': '请选择',
    'v.none': '不选',
  },
  {
    'v.title': 'Door visit',
    'v.category': 'Category',
    'v.compound': 'Compound',
    'v.building': 'Building',
    'v.address': 'Unit, door number (optional)',
    'v.text': 'What the resident raised',
    'v.name': 'Resident name (optional)',
    'v.phone': 'Resident mobile (optional)',
    'v.anonymous': 'Resident wants to stay anonymous',
    'v.photos': 'Photos (up to 5, optional)',
    'v.save': 'Register',
    'v.saved': 'Registered',
    'v.code': 'Ticket code',
    'v.codeHint': 'Give the resident the tracking code and link: with them they follow, add to and rate it (shown only this once)',
    'v.trackingCode': "Resident's tracking code",
    'v.trackingLink': "Resident's tracking link",
    'v.another': 'Register another',
    'v.home': 'Back to home',
    'v.choose': 'Choose',
    'v.none': 'None',
  },
);
declare module '../../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

interface Place {
  id: number;
  name: string;
}
interface VisitDefaults {
  compoundId?: number;
  buildingId?: number;
}
const defaultsKey = (me: Me) => `linli.h5.visit.${me.id}`;

/** Door visit (入户走访): a problem heard at the door, registered in a minute; the compound and building are remembered. */
export function VisitPage({ me, navigate }: { me: Me; navigate: Navigate }) {
  const { t, locale } = useT();
  const [categories, setCategories] = useState<TicketCategory[]>([]);
  const [compounds, setCompounds] = useState<Place[]>([]);
  const [buildings, setBuildings] = useState<Place[]>([]);
  const [compoundId, setCompoundId] = useState<number | ''>('');
  const [buildingId, setBuildingId] = useState<number | ''>('');
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState<{ code: string; handover: TicketDetail['handover']; photoError: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const photoRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const remembered = ((): VisitDefaults => {
      try {
        return JSON.parse(localStorage.getItem(defaultsKey(me)) ?? '{}') as VisitDefaults;
      } catch {
        return {};
      }
    })();
    fetchCategories().then(
      (r) => setCategories(r.items.filter((c) => c.isActive)),
      (e) => setError(errorText(t, e)),
    );
    fetchCompounds(undefined).then(
      (r) => {
        setCompounds(r.items);
        const pick = r.items.find((c) => c.id === remembered.compoundId) ?? (r.items.length === 1 ? r.items[0] : undefined);
        if (pick) {
          setCompoundId(pick.id);
          if (pick.id === remembered.compoundId && remembered.buildingId) setBuildingId(remembered.buildingId);
        }
      },
      (e) => setError(errorText(t, e)),
    );
  }, [me, t]);
  useEffect(() => {
    setBuildings([]);
    if (compoundId)
      fetchBuildings(compoundId).then(
        (r) => setBuildings(r.items),
        () => setBuildings([]),
      );
  }, [compoundId]);

  const labels = {
    categoryId: t('v.category'),
    compoundId: t('v.compound'),
    buildingId: t('v.building'),
    addressText: t('f.address'),
    description: t('v.text'),
    title: t('v.text'),
    reporterName: t('f.name'),
    reporterPhone: t('f.phone'),
    photos: t('f.photos'),
  };
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = String(f.get('description') ?? '').trim();
    const phone = String(f.get('reporterPhone') ?? '').trim();
    const photos = pickedPhotos(photoRef.current);
    setError('');
    if (!f.get('categoryId')) return setError(t('hp.rule.required', { field: labels.categoryId }));
    if (!text) return setError(t('hp.rule.required', { field: labels.description }));
    if (phone && !/^1[3-9]\d{9}$/.test(phone)) return setError(t('hp.rule.invalid_phone', { field: labels.reporterPhone }));
    if (photos.length > MAX_PHOTOS) return setError(t('hp.rule.too_many_files', { field: labels.photos, max: MAX_PHOTOS }));
    setBusy(true);
    try {
      const ticket = await createTicket({
        channel: 'door_visit',
        categoryId: Number(f.get('categoryId')),
        // The title is the first sentence of what was heard: at the door there is no time to write a subject line.
        title: titleOf(text),
        description: text,
        compoundId: compoundId || null,
        buildingId: buildingId || null,
        addressText: String(f.get('addressText') ?? '').trim() || null,
        reporterName: anonymous ? null : String(f.get('reporterName') ?? '').trim() || null,
        reporterPhone: anonymous ? null : phone || null,
        isAnonymous: anonymous,
      });
      localStorage.setItem(defaultsKey(me), JSON.stringify({ compoundId: compoundId || undefined, buildingId: buildingId || undefined }));
      let photoError = '';
      try {
        await uploadPhotos(ticket.id, photos);
      } catch (err) {
        photoError = t('hp.photosFailed', { msg: errorText(t, err, labels) });
      }
      setSaved({ code: ticket.code, handover: ticket.handover, photoError });
      window.scrollTo(0, 0);
    } catch (err) {
      setError(errorText(t, err, labels));
    } finally {
      setBusy(false);
    }
  };
  const another = () => {
    setSaved(null);
    setAnonymous(false);
    setFormKey((k) => k + 1);
  };

  if (saved) {
    return (
      <section className="card" data-testid="h5-visit-saved">
        <BackBar to="/h5" navigate={navigate} title={t('v.title')} />
        <div className="notice">
          <b>{t('v.saved')}</b>
          <p>
            {t('v.code')}：
            <span className="code" data-testid="visit-code">
              {saved.code}
            </span>
          </p>
          {saved.handover && (
            <>
              <p>
                {t('v.trackingCode')}：
                <span className="code" data-testid="visit-tracking-code">
                  {saved.handover.trackingCode}
                </span>
              </p>
              <p>
                {t('v.trackingLink')}：
                <span className="link">
                  {location.origin}
                  {saved.handover.link}
                </span>
              </p>
            </>
          )}
          <p className="muted">{t('v.codeHint')}</p>
        </div>
        {saved.photoError && (
          <p className="error" role="alert">
            {saved.photoError}
          </p>
        )}
        <button type="button" onClick={another} data-testid="visit-another">
          {t('v.another')}
        </button>
        <button type="button" className="secondary" onClick={() => navigate('/h5')}>
          {t('v.home')}
        </button>
      </section>
    );
  }
  return (
    <form key={formKey} className="card" onSubmit={submit} onInput={() => setError('')} noValidate data-testid="h5-visit">
      <BackBar to="/h5" navigate={navigate} title={t('v.title')} />
      <p className="muted">
        {channelLabels[locale].door_visit} · {me.communityName}
      </p>
      <label>
        {t('v.category')}
        <select name="categoryId" defaultValue="" data-testid="visit-category">
          <option value="" disabled>
            {t('v.choose')}
          </option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {locale === 'en' ? c.nameEn : c.nameZh}
            </option>
          ))}
        </select>
      </label>
      <div className="row2">
        <label>
          {t('v.compound')}
          <select
            value={compoundId}
            onChange={(e) => {
              setCompoundId(Number(e.target.value) || '');
              setBuildingId('');
            }}
            data-testid="visit-compound"
          >
            <option value="">{t('v.none')}</option>
            {compounds.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('v.building')}
          <select value={buildingId} onChange={(e) => setBuildingId(Number(e.target.value) || '')} disabled={!compoundId} data-testid="visit-building">
            <option value="">{t('v.none')}</option>
            {buildings.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t('v.address')}
        <input name="addressText" maxLength={200} data-testid="visit-address" />
      </label>
      <label>
        {t('v.text')}
        <textarea name="description" rows={4} maxLength={2000} data-testid="visit-text" />
      </label>
      <label className="check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} data-testid="visit-anonymous" />
        {t('v.anonymous')}
      </label>
      {!anonymous && (
        <>
          <label>
            {t('v.name')}
            <input name="reporterName" maxLength={40} data-testid="visit-name" />
          </label>
          <label>
            {t('v.phone')}
            <input name="reporterPhone" type="tel" inputMode="numeric" maxLength={11} data-testid="visit-phone" />
          </label>
        </>
      )}
      <PhotoPicker label={t('v.photos')} inputRef={photoRef} testId="visit-photos" />
      {error && (
        <p className="error" role="alert" data-testid="visit-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} data-testid="visit-save">
        {t('v.save')}
      </button>
    </form>
  );
}

/** The first sentence, at most 30 characters: a readable title for lists and the ledger. */
export function titleOf(text: string): string {
  const first = text.split(/[。！？!?\n；;]/)[0]!.trim() || text.trim();
  return first.length > 30 ? `${first.slice(0, 30)}…` : first;
}
