import { useEffect, useState } from 'react';
import { partyPostClassLabels } from '@linli/contracts/party-labels';
import { useT } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import type { Navigate } from '../../../components/go.js';
import { claimPost, fetchMyWork, fetchOpenPosts, logService, type MyWork, type PioneerPost } from '../api.js';
import './messages.js';

const errorText = (e: unknown) => (e instanceof ApiError ? [e.message, ...e.fields.map((f) => f.message ?? '')].filter(Boolean).join('；') : String(e));

/** A party member's phone page: the posts they hold, the posts open to claim, and a form to log a service. */
export function PartyPhonePage({ navigate }: { navigate: Navigate }) {
  const { t, locale } = useT();
  const [work, setWork] = useState<MyWork | null>(null);
  const [posts, setPosts] = useState<PioneerPost[]>([]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [round, setRound] = useState(0);
  const [form, setForm] = useState({ servedOn: new Date().toISOString().slice(0, 10), hours: '2', postId: '', content: '' });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    fetchMyWork().then(setWork, (e: unknown) => setError(errorText(e)));
    fetchOpenPosts().then(
      (p) => setPosts(p.items),
      () => setPosts([]),
    );
  }, [round]);
  const held = (work?.claims ?? []).filter((c) => !c.leftAt);
  const heldIds = new Set(held.map((c) => c.postId));
  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      await run();
      setNotice(done);
      setRound((n) => n + 1);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = () =>
    work &&
    act(
      () =>
        logService(work.partyMemberId, {
          servedOn: form.servedOn,
          hours: Number(form.hours),
          postId: form.postId ? Number(form.postId) : null,
          content: form.content.trim(),
        }),
      t('partyH5.saved'),
    ).then(() => setForm((f) => ({ ...f, content: '' })));
  return (
    <section data-testid="h5-party">
      <button className="link" onClick={() => navigate('/h5')}>
        ← {t('partyH5.back')}
      </button>
      <h2>{t('partyH5.entry')}</h2>
      {error && <p className="error">{error}</p>}
      {notice && <p className="muted">{notice}</p>}
      <h3>{t('partyH5.myPosts')}</h3>
      <ul className="plain" data-testid="h5-party-mine">
        {held.length === 0 && <li className="muted">{t('partyH5.none')}</li>}
        {held.map((c) => (
          <li key={c.id} className="card">
            <b>{c.postName}</b>
          </li>
        ))}
      </ul>
      <h3>{t('partyH5.openPosts')}</h3>
      <ul className="plain">
        {posts.map((p) => (
          <li key={p.id} className="card">
            <b>{p.name}</b> · {partyPostClassLabels[locale][p.postClass]}
            <br />
            <small>
              {p.placeName ?? ''} · {p.claimedCount}/{p.capacity}
            </small>
            <br />
            {heldIds.has(p.id) ? (
              <small>{t('partyH5.claimed')}</small>
            ) : (
              <button className="primary" disabled={busy} onClick={() => void act(() => claimPost(p.id), t('partyH5.claimed'))} data-testid="h5-party-claim">
                {t('partyH5.claim')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {work && (
        <div className="card">
          <h3>{t('partyH5.log')}</h3>
          <label className="field">
            {t('partyH5.servedOn')}
            <input type="date" value={form.servedOn} onChange={(e) => setForm({ ...form, servedOn: e.target.value })} />
          </label>
          <label className="field">
            {t('partyH5.hours')}
            <input type="number" min="0.5" max="24" step="0.5" value={form.hours} onChange={(e) => setForm({ ...form, hours: e.target.value })} />
          </label>
          <label className="field">
            {t('partyH5.post')}
            <select value={form.postId} onChange={(e) => setForm({ ...form, postId: e.target.value })}>
              <option value="">{t('partyH5.noPost')}</option>
              {held.map((c) => (
                <option key={c.postId} value={c.postId}>
                  {c.postName}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('partyH5.content')}
            <textarea rows={3} maxLength={500} value={form.content} onChange={(e) => setForm({ ...form, content: e.target.value })} />
          </label>
          <button className="primary" disabled={busy} onClick={() => void submit()} data-testid="h5-party-log">
            {t('partyH5.save')}
          </button>
        </div>
      )}
    </section>
  );
}
