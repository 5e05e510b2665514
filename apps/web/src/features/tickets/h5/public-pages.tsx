import { useEffect, useState } from 'react';
import { ratingLabels, ticketActionLabel, ticketStatusLabels, type Rating } from '@linli/contracts/labels';
import { ApiError } from '../../../lib/api.js';
import {
  addInfo,
  fetchPublicCommunity,
  fetchPublicTicket,
  publicPhotoUrl,
  rateTicket,
  reportProblem,
  uploadPublicPhotos,
  type Proof,
  type PublicTicket,
} from '../api.js';
import { registerMessages, useT, type Keys } from '../../../lib/i18n.js';
import { formatTime } from '../../../components/time.js';

const _texts = registerMessages(
  {
    'r.title': '我要反映',
    'r.category': '问题类别',
    'r.compound': '小区',
    'r.address': '具体位置（楼栋、单元或地址）',
    'r.description': '请描述问题',
    'r.photos': '照片（最多 5 张，可不传）',
    'r.name': '称呼（可不填）',
    'r.phone': '手机号（方便社区联系您）',
    'r.submit': '提交',
    'r.choose': '请选择',
    'r.done': '已收到您的反映',
    'r.code': '您的查询码',
    'r.keep': '请记下查询码：凭它随时可以查看办理进度',
    'r.reference': '工单编号',
    'r.referenceHelp': '社区工作人员看到的编号，打电话询问时可以报给他们',
    'r.link': '您的专属链接',
    'r.linkKeep': '请收藏本页或保存这个链接：凭它可以补充情况、评价办理结果。请勿转发给他人。',
    'r.linkPhone': '链接丢了也没关系：输入查询码，再填反映问题时所留手机号的后四位，同样可以补充和评价。',
    'r.copy': '复制链接',
    'r.copied': '已复制',
    'p.lastFour': '请输入反映问题时所留手机号的后四位',
    'p.why': '为确认是您本人，补充情况或评价前请先验证：',
    'p.needLink': '补充情况或评价需要提交时给您的完整链接（含密钥），请从收藏或保存的链接打开',
    'r.follow': '查看进度',
    'r.noCommunity': '请扫描小区张贴的二维码进入',
    'i.title': '补充情况',
    'i.text': '新的情况或补充说明',
    'i.submit': '提交补充',
    'i.done': '已收到，社区会看到您的补充',
    'i.empty': '请写下补充的情况或选择照片',
    't.title': '办理进度',
    't.result': '办理结果',
    't.rate': '您对办理结果满意吗？',
    't.comment': '还有什么想说的（可不填）',
    't.thanks': '感谢您的评价',
    't.lookup': '输入查询码查看进度',
    't.go': '查询',
    't.notFound': '没有找到这个查询码',
  },
  {
    'r.title': 'Report a problem',
    'r.category': 'Category',
    'r.compound': 'Compound',
    'r.address': 'Where exactly (building, unit or address)',
    'r.description': 'What is the problem?',
    'r.photos': 'Photos (up to 5, optional)',
    'r.name': 'Your name (optional)',
    'r.phone': 'Mobile number (so we can reach you)',
    'r.submit': 'Send',
    'r.choose': 'Choose',
    'r.done': 'We have your report',
    'r.code': 'Your tracking code',
    'r.keep': 'Keep this code to follow your report',
    'r.reference': 'Reference',
    'r.referenceHelp': 'The number community staff see; quote it if you call them',
    'r.link': 'Your personal link',
    'r.linkKeep': 'Bookmark this page or keep this link: with it you can add information and rate the result. Do not share it.',
    'r.linkPhone': 'Lost the link? Enter your tracking code and the last four digits of the phone you reported with to add information or rate.',
    'r.copy': 'Copy link',
    'r.copied': 'Copied',
    'p.lastFour': 'Last four digits of the phone number you reported with',
    'p.why': 'To make sure it is you, please verify before adding information or rating:',
    'p.needLink': 'To add information or rate, open the full link you were given at submission (it carries a key)',
    'r.follow': 'Follow it',
    'r.noCommunity': 'Please scan the QR code posted in your compound',
    'i.title': 'Add information',
    'i.text': 'What has changed, or more detail',
    'i.submit': 'Send',
    'i.done': 'Received: the community will see it',
    'i.empty': 'Write something or choose photos',
    't.title': 'Progress',
    't.result': 'Result',
    't.rate': 'Are you satisfied with the result?',
    't.comment': 'Anything to add (optional)',
    't.thanks': 'Thank you for your rating',
    't.lookup': 'Enter your tracking code',
    't.go': 'Look up',
    't.notFound': 'No report has this code',
  },
);
declare module '../../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

type View = PublicTicket;
type Form = Awaited<ReturnType<typeof fetchPublicCommunity>>;

const pickedFiles = (form: FormData) => (form.getAll('photos') as File[]).filter((f) => f.size > 0);

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

export function TrackPage({ code, isNew, trackingKey }: { code: string; isNew: boolean; trackingKey: string | null }) {
  const { t, locale } = useT();
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState('');
  const [thanks, setThanks] = useState(false);
  const [lastFour, setLastFour] = useState('');
  const proof: Proof = { key: trackingKey, lastFour };
  // What to bookmark: the page's own address with its key, without the one-time "new" flag.
  const link = `${location.origin}/h5/track/${code}${trackingKey ? `#k=${trackingKey}` : ''}`;
  useEffect(() => {
    fetchPublicTicket(code).then(setView, (e) => setError(e instanceof ApiError && e.status === 404 ? t('t.notFound') : String(e.message)));
  }, [code, t]);
  const rate = async (rating: Rating, comment: string) => {
    try {
      setView(await rateTicket(code, proof, { rating, comment: comment || null }));
      setThanks(true);
      setError('');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const time = (s: string) => formatTime(locale, s, 'compact');
  if (error && !view)
    return (
      <section className="card">
        <p className="error">{error}</p>
      </section>
    );
  if (!view) return null;
  const canAct = view.canAddInfo || (view.canRate && !thanks);
  return (
    <section className="card" data-testid="h5-track">
      {isNew && (
        <div className="notice">
          <b>{t('r.done')}</b>
          <p>
            {t('r.code')}：
            <span className="code" data-testid="tracking-code">
              {view.code}
            </span>
          </p>
          <p className="muted">{t('r.keep')}</p>
          {trackingKey && (
            <p>
              {t('r.link')}：
              <a href={link} className="link" data-testid="tracking-link">
                {link}
              </a>{' '}
              <CopyButton text={link} />
            </p>
          )}
          {trackingKey && <p className="muted">{t('r.linkKeep')}</p>}
          {trackingKey && view.hasPhone && <p className="muted">{t('r.linkPhone')}</p>}
        </div>
      )}
      <p className="muted">
        {t('r.reference')}：<span data-testid="ticket-reference">{view.reference}</span>
        {isNew && <>（{t('r.referenceHelp')}）</>}
      </p>
      <h2>
        {t('t.title')} · <span data-testid="track-status">{ticketStatusLabels[locale][view.status]}</span>
      </h2>
      <p>
        {view.categoryName}：{view.description}
      </p>
      {view.photoIds.length > 0 && (
        <div className="photos">
          {view.photoIds.map((id) => (
            <img key={id} src={publicPhotoUrl(code, id)} alt="" loading="lazy" />
          ))}
        </div>
      )}
      {view.resultText && (
        <p>
          <b>{t('t.result')}：</b>
          {view.resultText}
        </p>
      )}
      <ol className="timeline">
        {view.events.map((e, i) => (
          <li key={i}>
            <span className="muted">{time(e.createdAt)}</span> {ticketActionLabel(locale, e.action, 'public')}
            {e.note && e.action !== 'photos_added' ? `：${e.note}` : ''}
          </li>
        ))}
      </ol>
      {canAct &&
        !trackingKey &&
        (view.hasPhone ? (
          <label>
            <span className="muted">{t('p.why')}</span>
            <br />
            {t('p.lastFour')}
            <input
              value={lastFour}
              onChange={(e) => setLastFour(e.target.value.replace(/\D/g, '').slice(0, 4))}
              inputMode="numeric"
              maxLength={4}
              autoComplete="off"
              data-testid="proof-last-four"
            />
          </label>
        ) : (
          <p className="muted" data-testid="proof-need-link">
            {t('p.needLink')}
          </p>
        ))}
      {view.canAddInfo && <AddInfoBox code={code} proof={proof} onAdded={setView} />}
      {view.canRate && !thanks && <RateBox onRate={rate} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {thanks && <p data-testid="rate-thanks">{t('t.thanks')}</p>}
    </section>
  );
}

/** Copies the personal link: typing a long link by hand on a phone goes wrong. */
function CopyButton({ text }: { text: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  if (!navigator.clipboard) return null;
  const copy = () =>
    void navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <button type="button" className="secondary" onClick={copy} data-testid="copy-link">
      {copied ? t('r.copied') : t('r.copy')}
    </button>
  );
}

/** More detail or photos while the report is open: both go on the timeline the community works from. */
function AddInfoBox({ code, proof, onAdded }: { code: string; proof: Proof; onAdded(v: View): void }) {
  const { t } = useT();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const data = new FormData(formEl);
    const text = String(data.get('text') ?? '').trim();
    const photos = pickedFiles(data);
    if (!text && photos.length === 0) return setError(t('i.empty'));
    setBusy(true);
    setError('');
    try {
      let view: View | null = null;
      if (text) view = await addInfo(code, proof, text);
      view = (await uploadPublicPhotos(code, photos, proof)) ?? view;
      if (view) onAdded(view);
      formEl.reset();
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="rate" onSubmit={submit} data-testid="h5-add-info">
      <p>
        <b>{t('i.title')}</b>
      </p>
      <label>
        {t('i.text')}
        <textarea name="text" rows={3} maxLength={1000} data-testid="info-text" />
      </label>
      <label>
        {t('r.photos')}
        <input name="photos" type="file" accept="image/jpeg,image/png" multiple data-testid="info-photos" />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && !error && (
        <p className="muted" data-testid="info-done">
          {t('i.done')}
        </p>
      )}
      <button type="submit" className="secondary" disabled={busy} data-testid="info-submit">
        {t('i.submit')}
      </button>
    </form>
  );
}

function RateBox({ onRate }: { onRate(r: Rating, comment: string): void }) {
  const { t, locale } = useT();
  const [comment, setComment] = useState('');
  return (
    <div className="rate" data-testid="h5-rate">
      <p>
        <b>{t('t.rate')}</b>
      </p>
      <label>
        {t('t.comment')}
        <input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} />
      </label>
      {(['satisfied', 'basically_satisfied', 'dissatisfied'] as const).map((r) => (
        <button key={r} type="button" className={r === 'dissatisfied' ? 'secondary' : ''} onClick={() => onRate(r, comment)} data-testid={`rate-${r}`}>
          {ratingLabels[locale][r]}
        </button>
      ))}
    </div>
  );
}

export function LookupBox({ navigate }: { navigate(path: string): void }) {
  const { t } = useT();
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        const code = new FormData(e.currentTarget).get('code');
        if (code) navigate(`/h5/track/${String(code).trim().toUpperCase()}`);
      }}
    >
      <label>
        {t('t.lookup')}
        <input name="code" autoCapitalize="characters" />
      </label>
      <button type="submit">{t('t.go')}</button>
    </form>
  );
}
