import { useEffect, useRef, useState } from 'react';
import type { Me, permissions, Ticket, TicketCategory, TicketDetail } from '@linli/contracts';
import { channelLabels, ticketStatusLabels, type TicketAction, type TicketStatus } from '@linli/contracts/labels';
import type { Role } from '@linli/contracts/roles';
import { ApiError, api, get, post, qs } from '../lib/api.js';
import { registerMessages, useT } from '../lib/i18n.js';

// Screens for helpers on the phone (grid workers, 三长, volunteers): home, my tasks, one task, door visit.
registerMessages(
  {
    'hp.tasks': '我的任务', 'hp.tasksHint': '派给我的诉求，按期限办理', 'hp.visit': '入户走访登记', 'hp.visitHint': '上门听到的问题，当场登记',
    'hp.overdueCount': '{n} 件已超期', 'hp.back': '‹ 返回', 'hp.empty': '暂时没有派给您的任务', 'hp.overdue': '已超期',
    'hp.due': '{time} 前办结', 'hp.place': '地点', 'hp.reporter': '诉求人', 'hp.anonymous': '匿名', 'hp.timeline': '办理过程',
    'hp.status': '状态', 'hp.category': '类别', 'hp.code': '编号', 'hp.start': '开始办理', 'hp.resolve': '办结', 'hp.return': '退回',
    'hp.result': '办理结果', 'hp.reason': '退回原因', 'hp.resultPhotos': '现场照片（最多 5 张，可不传）', 'hp.confirmResolve': '确认办结',
    'hp.confirmReturn': '确认退回', 'hp.cancel': '取消', 'hp.notMine': '这件诉求没有派给您，您不需要操作', 'hp.waiting': '已上报，等待部门回复',
    'hp.done': '已办结，等待居民评价', 'hp.returned': '已退回社区，社区会重新派单', 'hp.photosFailed': '照片没有传上：{msg}', 'hp.loading': '正在加载…',
    'hp.photosPicked': '已选 {n} 张，点此重选', 'hp.addPhotos': '＋ 拍照或选照片', 'hp.resident': '居民', 'hp.sep': '；', 'hp.rule.required': '{field}不能为空', 'hp.rule.too_many_files': '{field}最多 {max} 个',
    'hp.rule.invalid_phone': '{field}不是有效的手机号（11 位，以 1 开头）', 'f.photos': '照片', 'f.address': '单元、门牌', 'f.name': '居民称呼', 'f.phone': '居民手机号',
    'v.title': '入户走访登记', 'v.category': '问题类别', 'v.compound': '小区', 'v.building': '楼栋', 'v.address': '单元、门牌（可不填）',
    'v.text': '居民反映的问题', 'v.name': '居民称呼（可不填）', 'v.phone': '居民手机号（可不填）', 'v.anonymous': '居民不愿留名（匿名登记）',
    'v.photos': '照片（最多 5 张，可不传）', 'v.save': '登记', 'v.saved': '已登记', 'v.code': '诉求编号', 'v.codeHint': '请把查询码和链接交给居民：凭它们可查询进度、补充情况、评价办理结果（只显示这一次）',
    'v.trackingCode': '居民查询码', 'v.trackingLink': '居民查询链接',
    'v.another': '再登记一户', 'v.home': '回到首页', 'v.choose': '请选择', 'v.none': '不选',
  },
  {
    'hp.tasks': 'My tasks', 'hp.tasksHint': 'Tickets assigned to me, by deadline', 'hp.visit': 'Door visit', 'hp.visitHint': 'Register a problem heard at the door',
    'hp.overdueCount': '{n} overdue', 'hp.back': '‹ Back', 'hp.empty': 'No tasks assigned to you', 'hp.overdue': 'Overdue',
    'hp.due': 'Due {time}', 'hp.place': 'Place', 'hp.reporter': 'Reporter', 'hp.anonymous': 'Anonymous', 'hp.timeline': 'Progress',
    'hp.status': 'Status', 'hp.category': 'Category', 'hp.code': 'Code', 'hp.start': 'Start', 'hp.resolve': 'Resolve', 'hp.return': 'Return',
    'hp.result': 'Result', 'hp.reason': 'Reason for returning', 'hp.resultPhotos': 'Photos (up to 5, optional)', 'hp.confirmResolve': 'Confirm resolved',
    'hp.confirmReturn': 'Confirm return', 'hp.cancel': 'Cancel', 'hp.notMine': 'This ticket is not assigned to you; nothing to do', 'hp.waiting': 'Escalated, waiting for the department',
    'hp.done': 'Resolved, waiting for the resident\'s rating', 'hp.returned': 'Returned; the community will assign it again', 'hp.photosFailed': 'The photos were not uploaded: {msg}',
    'hp.loading': 'Loading…', 'hp.photosPicked': '{n} chosen, tap to change', 'hp.addPhotos': '+ Take or choose photos', 'hp.resident': 'Resident', 'hp.sep': '; ', 'hp.rule.required': '{field} is required',
    'hp.rule.too_many_files': 'At most {max} {field}', 'hp.rule.invalid_phone': '{field} is not a valid mobile number (11 digits starting with 1)', 'f.photos': 'Photos', 'f.address': 'Unit, door number', 'f.name': 'Resident name', 'f.phone': 'Resident mobile',
    'v.title': 'Door visit', 'v.category': 'Category', 'v.compound': 'Compound', 'v.building': 'Building', 'v.address': 'Unit, door number (optional)',
    'v.text': 'What the resident raised', 'v.name': 'Resident name (optional)', 'v.phone': 'Resident mobile (optional)', 'v.anonymous': 'Resident wants to stay anonymous',
    'v.photos': 'Photos (up to 5, optional)', 'v.save': 'Register', 'v.saved': 'Registered', 'v.code': 'Ticket code', 'v.codeHint': 'Give the resident the tracking code and link: with them they follow, add to and rate it (shown only this once)',
    'v.trackingCode': 'Resident\'s tracking code', 'v.trackingLink': 'Resident\'s tracking link',
    'v.another': 'Register another', 'v.home': 'Back to home', 'v.choose': 'Choose', 'v.none': 'None',
  },
);

type Navigate = (to: string) => void;
const MAX_PHOTOS = 5;

// The permission table lives in contracts/access.ts, which imports zod (+25 KB gzip here); these copies are checked
// against it at compile time, so a change to the table fails the type check instead of drifting.
const intakeRoles = ['secretary', 'social_worker', 'grid_worker', 'building_head'] as const satisfies (typeof permissions)['tickets.intake'];
const workRoles = ['secretary', 'social_worker', 'grid_worker', 'building_head', 'party_member', 'volunteer', 'partner_contact'] as const satisfies (typeof permissions)['tickets.work'];
// Staff may act on any ticket; the others only on their own (ticket-state.ts `assigneeOnly`).
const staffRoles: readonly Role[] = ['secretary', 'social_worker'];
const canIntake = (role: Role) => (intakeRoles as readonly Role[]).includes(role);
/** What a doer may do from each state (ticket-state.ts `allowedFrom`, the doer's part). */
const doerActions: Partial<Record<TicketStatus, TicketAction[]>> = { assigned: ['start', 'return'], in_progress: ['resolve'] };

/**
 * An API error as text. The server already words each field issue in the request's language; a few fields get this
 * screen's own name (the note is a result here, a reason there).
 */
function errorText(t: (key: string, p?: Record<string, string | number>) => string, err: unknown, labels: Record<string, string> = {}): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  if (err.fields.length === 0) return err.message;
  return err.fields
    .map((f) => (labels[f.field] && localRules.includes(f.rule) ? t(`hp.rule.${f.rule}`, { field: labels[f.field]!, ...f.params }) : (f.message ?? err.message)))
    .join(t('hp.sep'));
}
// The rules checked on the phone before sending; contracts/i18n.ts words the rest (importing it here costs ~3 KB gzip).
const localRules = ['required', 'too_many_files', 'invalid_phone'];

async function uploadPhotos(ticketId: number, files: File[]): Promise<void> {
  if (files.length === 0) return;
  const body = new FormData();
  for (const f of files) body.append('photos', f);
  await api(`/api/tickets/${ticketId}/photos`, { method: 'POST', body });
}

const pickedPhotos = (input: HTMLInputElement | null) => Array.from(input?.files ?? []).filter((f) => f.size > 0);

/** A big "add photos" button in the page's language; the browser's own file input speaks the browser's. */
function PhotoPicker({ label, inputRef, testId }: { label: string; inputRef: React.RefObject<HTMLInputElement | null>; testId: string }) {
  const { t } = useT();
  const [count, setCount] = useState(0);
  return (
    <div className="field">
      <span>{label}</span>
      <label className="file-pick">
        <input ref={inputRef} type="file" accept="image/jpeg,image/png" multiple onChange={() => setCount(pickedPhotos(inputRef.current).length)} data-testid={testId} />
        <span>{count ? t('hp.photosPicked', { n: count }) : t('hp.addPhotos')}</span>
      </label>
    </div>
  );
}

function useTime() {
  const { locale } = useT();
  return (s: string) =>
    new Date(s).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A link the tiny router follows without reloading the page. */
export function Go({ to, navigate, className, children, testId }: { to: string; navigate: Navigate; className?: string; children: React.ReactNode; testId?: string }) {
  return (
    <a href={to} className={className} data-testid={testId} onClick={(e) => { e.preventDefault(); navigate(to); }}>
      {children}
    </a>
  );
}

export function BackBar({ to, navigate, title }: { to: string; navigate: Navigate; title: string }) {
  const { t } = useT();
  return (
    <div className="backbar">
      <Go to={to} navigate={navigate} className="back" testId="h5-back">{t('hp.back')}</Go>
      <h2>{title}</h2>
    </div>
  );
}

/** A helper's home: the two entries, with how many tasks wait and how many are overdue. */
export function HelperHome({ me, navigate }: { me: Me; navigate: Navigate }) {
  const { t } = useT();
  const [tasks, setTasks] = useState<{ badge: number; overdue: number } | null>(null);
  useEffect(() => {
    get<{ badge: number; overdue: number }>('/api/tickets/tasks').then(setTasks, () => setTasks(null));
  }, []);
  return (
    <nav className="entries" data-testid="h5-helper-home">
      <Go to="/h5/tasks" navigate={navigate} className="entry" testId="h5-tasks-link">
        <span className="entry-title">{t('hp.tasks')}{tasks && tasks.badge > 0 && <span className="badge" data-testid="h5-task-badge">{tasks.badge}</span>}</span>
        <span className="entry-hint">{tasks && tasks.overdue > 0 ? <b className="overdue-text">{t('hp.overdueCount', { n: tasks.overdue })}</b> : t('hp.tasksHint')}</span>
      </Go>
      {canIntake(me.role) && (
        <Go to="/h5/visit" navigate={navigate} className="entry" testId="h5-visit-link">
          <span className="entry-title">{t('hp.visit')}</span>
          <span className="entry-hint">{t('hp.visitHint')}</span>
        </Go>
      )}
    </nav>
  );
}

/** Tickets assigned to me and still open, overdue first, then by resolution deadline (the API's order). */
export function TasksPage({ navigate }: { navigate: Navigate }) {
  const { t, locale } = useT();
  const time = useTime();
  const [items, setItems] = useState<Ticket[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    get<{ items: Ticket[] }>('/api/tickets/tasks').then((r) => setItems(r.items), (e) => setError(errorText(t, e)));
  }, [t]);
  return (
    <section className="card" data-testid="h5-tasks">
      <BackBar to="/h5" navigate={navigate} title={t('hp.tasks')} />
      {error && <p className="error" role="alert">{error}</p>}
      {!items && !error && <p className="muted">{t('hp.loading')}</p>}
      {items?.length === 0 && <p className="muted" data-testid="h5-tasks-empty">{t('hp.empty')}</p>}
      <ul className="tasks">
        {items?.map((tk) => (
          <li key={tk.id}>
            <Go to={`/h5/tasks/${tk.id}`} navigate={navigate} className={tk.isOverdue ? 'task overdue' : 'task'} testId={`task-${tk.code}`}>
              <span className="task-head">
                <b>{tk.title}</b>
                <span className={`chip ${tk.status}`}>{ticketStatusLabels[locale][tk.status]}</span>
              </span>
              <span className="muted">{[tk.categoryName, tk.compoundName, tk.buildingName].filter(Boolean).join(' · ')}</span>
              <span className="task-due">
                {tk.isOverdue && <span className="badge red" data-testid="overdue-badge">{t('hp.overdue')}</span>}
                {t('hp.due', { time: time(tk.resolutionDueAt) })}
              </span>
            </Go>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One task: what, where, photos, the public timeline, and the steps this helper may take now. */
export function TaskPage({ id, me, navigate }: { id: number; me: Me; navigate: Navigate }) {
  const { t, locale } = useT();
  const time = useTime();
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [open, setOpen] = useState<'resolve' | 'return' | null>(null);
  const [busy, setBusy] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const photoRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    get<TicketDetail>(`/api/tickets/${id}`).then(setTicket, (e) => setError(errorText(t, e)));
  }, [id, t]);

  const noteLabel = open === 'return' ? t('hp.reason') : t('hp.result');
  const act = async (action: TicketAction) => {
    setError('');
    setNotice('');
    const note = noteRef.current?.value.trim() ?? '';
    const photos = action === 'resolve' ? pickedPhotos(photoRef.current) : [];
    if ((action === 'resolve' || action === 'return') && !note) return setError(t('hp.rule.required', { field: noteLabel }));
    if (photos.length > MAX_PHOTOS) return setError(t('hp.rule.too_many_files', { field: t('f.photos'), max: MAX_PHOTOS }));
    setBusy(true);
    try {
      // Photos go first so the resident sees them with the result; if they fail, nothing is resolved yet.
      if (photos.length) await uploadPhotos(id, photos);
      const next = await post<TicketDetail>(`/api/tickets/${id}/${action}`, note ? { note } : {});
      setTicket(next);
      setOpen(null);
      if (action !== 'start') setNotice(t(action === 'resolve' ? 'hp.done' : 'hp.returned'));
    } catch (err) {
      setError(errorText(t, err, { note: noteLabel, photos: t('f.photos') }));
    } finally {
      setBusy(false);
    }
  };

  if (!ticket) {
    return (
      <section className="card">
        <BackBar to="/h5/tasks" navigate={navigate} title={t('hp.tasks')} />
        {error ? <p className="error" role="alert">{error}</p> : <p className="muted">{t('hp.loading')}</p>}
      </section>
    );
  }
  const isMine = ticket.assigneeKind === 'account' && ticket.assigneeId === me.id;
  const mayAct = (workRoles as readonly Role[]).includes(me.role) && (isMine || staffRoles.includes(me.role));
  const actions = mayAct ? (doerActions[ticket.status] ?? []) : [];
  const place = [ticket.compoundName, ticket.buildingName, ticket.addressText].filter(Boolean).join(' ');
  const reporter = ticket.isAnonymous ? t('hp.anonymous') : [ticket.reporterName, ticket.reporterPhoneMasked].filter(Boolean).join(' ');
  return (
    <section className="card" data-testid="h5-task">
      <BackBar to="/h5/tasks" navigate={navigate} title={t('hp.tasks')} />
      <h2 className="task-title" data-testid="task-title">{ticket.title}</h2>
      <p className="task-status">
        <span className={`chip ${ticket.status}`} data-testid="task-status">{ticketStatusLabels[locale][ticket.status]}</span>
        {ticket.isOverdue && <span className="badge red">{t('hp.overdue')}</span>}
        <span className="muted">{t('hp.due', { time: time(ticket.resolutionDueAt) })}</span>
      </p>
      <p className="description">{ticket.description}</p>
      <dl>
        <dt>{t('hp.category')}</dt><dd>{ticket.categoryName}</dd>
        {place && <><dt>{t('hp.place')}</dt><dd>{place}</dd></>}
        {reporter && <><dt>{t('hp.reporter')}</dt><dd>{reporter}</dd></>}
        <dt>{t('hp.code')}</dt><dd className="mono">{ticket.code}</dd>
      </dl>
      {ticket.photoIds.length > 0 && (
        <div className="photos">{ticket.photoIds.map((p) => <a key={p} href={`/api/tickets/${ticket.id}/photos/${p}`} target="_blank" rel="noreferrer"><img src={`/api/tickets/${ticket.id}/photos/${p}`} alt="" loading="lazy" /></a>)}</div>
      )}

      {notice && <p className="notice" role="status" data-testid="task-notice">{notice}</p>}
      {actions.length === 0 && !notice && (
        <p className="muted">{!mayAct ? t('hp.notMine') : ticket.status === 'escalated' ? t('hp.waiting') : null}</p>
      )}
      {actions.length > 0 && !open && (
        <div className="actions">
          {actions.map((a) =>
            a === 'start' ? (
              <button key={a} type="button" disabled={busy} onClick={() => void act('start')} data-testid="task-start">{t('hp.start')}</button>
            ) : (
              <button key={a} type="button" className={a === 'return' ? 'secondary' : ''} disabled={busy} onClick={() => { setError(''); setOpen(a as 'resolve' | 'return'); }} data-testid={`task-${a}`}>
                {t(`hp.${a}`)}
              </button>
            ),
          )}
        </div>
      )}
      {open && (
        <form className="act-form" onSubmit={(e) => { e.preventDefault(); void act(open); }} noValidate data-testid="task-form">
          <label>{noteLabel}<textarea ref={noteRef} name="note" rows={4} maxLength={2000} onInput={() => setError('')} data-testid="task-note" /></label>
          {open === 'resolve' && <PhotoPicker label={t('hp.resultPhotos')} inputRef={photoRef} testId="task-photos" />}
          {error && <p className="error" role="alert">{error}</p>}
          <button type="submit" disabled={busy} data-testid="task-confirm">{open === 'resolve' ? t('hp.confirmResolve') : t('hp.confirmReturn')}</button>
          <button type="button" className="secondary" onClick={() => { setOpen(null); setError(''); }}>{t('hp.cancel')}</button>
        </form>
      )}
      {error && !open && <p className="error" role="alert">{error}</p>}

      <h3>{t('hp.timeline')}</h3>
      <ol className="timeline" data-testid="task-timeline">
        {ticket.events.filter((e) => e.isPublic).map((e) => (
          <li key={e.id}>
            <span className="muted">{time(e.createdAt)}</span> {t(`e.${e.action}`)}
            {e.actorName && <span className="muted"> · {e.actorName.startsWith('resident') ? t('hp.resident') : e.actorName}</span>}
            {e.note && e.action !== 'photos_added' ? `：${e.note}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}

interface Place { id: number; name: string }
interface VisitDefaults { compoundId?: number; buildingId?: number }
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
    get<{ items: TicketCategory[] }>('/api/ticket-categories').then((r) => setCategories(r.items.filter((c) => c.isActive)), (e) => setError(errorText(t, e)));
    get<{ items: Place[] }>('/api/compounds').then((r) => {
      setCompounds(r.items);
      const pick = r.items.find((c) => c.id === remembered.compoundId) ?? (r.items.length === 1 ? r.items[0] : undefined);
      if (pick) {
        setCompoundId(pick.id);
        if (pick.id === remembered.compoundId && remembered.buildingId) setBuildingId(remembered.buildingId);
      }
    }, (e) => setError(errorText(t, e)));
  }, [me, t]);
  useEffect(() => {
    setBuildings([]);
    if (compoundId) get<{ items: Place[] }>(`/api/buildings${qs({ compoundId })}`).then((r) => setBuildings(r.items), () => setBuildings([]));
  }, [compoundId]);

  const labels = {
    categoryId: t('v.category'), compoundId: t('v.compound'), buildingId: t('v.building'), addressText: t('f.address'),
    description: t('v.text'), title: t('v.text'), reporterName: t('f.name'), reporterPhone: t('f.phone'), photos: t('f.photos'),
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
      const ticket = await post<TicketDetail>('/api/tickets', {
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
          <p>{t('v.code')}：<span className="code" data-testid="visit-code">{saved.code}</span></p>
          {saved.handover && (
            <>
              <p>{t('v.trackingCode')}：<span className="code" data-testid="visit-tracking-code">{saved.handover.trackingCode}</span></p>
              <p>{t('v.trackingLink')}：<span className="link">{location.origin}{saved.handover.link}</span></p>
            </>
          )}
          <p className="muted">{t('v.codeHint')}</p>
        </div>
        {saved.photoError && <p className="error" role="alert">{saved.photoError}</p>}
        <button type="button" onClick={another} data-testid="visit-another">{t('v.another')}</button>
        <button type="button" className="secondary" onClick={() => navigate('/h5')}>{t('v.home')}</button>
      </section>
    );
  }
  return (
    <form key={formKey} className="card" onSubmit={submit} onInput={() => setError('')} noValidate data-testid="h5-visit">
      <BackBar to="/h5" navigate={navigate} title={t('v.title')} />
      <p className="muted">{channelLabels[locale].door_visit} · {me.communityName}</p>
      <label>{t('v.category')}
        <select name="categoryId" defaultValue="" data-testid="visit-category">
          <option value="" disabled>{t('v.choose')}</option>
          {categories.map((c) => <option key={c.id} value={c.id}>{locale === 'en' ? c.nameEn : c.nameZh}</option>)}
        </select>
      </label>
      <div className="row2">
        <label>{t('v.compound')}
          <select value={compoundId} onChange={(e) => { setCompoundId(Number(e.target.value) || ''); setBuildingId(''); }} data-testid="visit-compound">
            <option value="">{t('v.none')}</option>
            {compounds.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label>{t('v.building')}
          <select value={buildingId} onChange={(e) => setBuildingId(Number(e.target.value) || '')} disabled={!compoundId} data-testid="visit-building">
            <option value="">{t('v.none')}</option>
            {buildings.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
        </label>
      </div>
      <label>{t('v.address')}<input name="addressText" maxLength={200} data-testid="visit-address" /></label>
      <label>{t('v.text')}<textarea name="description" rows={4} maxLength={2000} data-testid="visit-text" /></label>
      <label className="check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} data-testid="visit-anonymous" />
        {t('v.anonymous')}
      </label>
      {!anonymous && (
        <>
          <label>{t('v.name')}<input name="reporterName" maxLength={40} data-testid="visit-name" /></label>
          <label>{t('v.phone')}<input name="reporterPhone" type="tel" inputMode="numeric" maxLength={11} data-testid="visit-phone" /></label>
        </>
      )}
      <PhotoPicker label={t('v.photos')} inputRef={photoRef} testId="visit-photos" />
      {error && <p className="error" role="alert" data-testid="visit-error">{error}</p>}
      <button type="submit" disabled={busy} data-testid="visit-save">{t('v.save')}</button>
    </form>
  );
}

/** The first sentence, at most 30 characters: a readable title for lists and the ledger. */
export function titleOf(text: string): string {
  const first = text.split(/[。！？!?\n；;]/)[0]!.trim() || text.trim();
  return first.length > 30 ? `${first.slice(0, 30)}…` : first;
}
