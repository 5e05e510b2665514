import { useRef, useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { roleCan } from '@linli/contracts';
import { activityKinds, activityLabels, type ActivityStatus } from '@linli/contracts/activity-labels';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { applyApiError } from '../../components/forms.js';
import { PhotoPicker, pickedPhotos } from '../../components/photo-picker.js';
import {
  activitiesKeys,
  activityPhotoUrl,
  closeActivity,
  createActivity,
  fetchActivities,
  fetchSignups,
  issueCode,
  markAttendance,
  reportActivity,
  uploadActivityPhotos,
  type ActivityRow,
} from './api.js';
import { ServingSection } from './serving-section.js';
import './messages.js';

const statusColor: Record<ActivityStatus, string> = { published: 'blue', held: 'green', reported: 'success', cancelled: 'default' };

/** 活动日历: the community's activities by month with their status; a row opens its drawer. */
export function ActivitiesPage() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const L = activityLabels[locale];
  const [month, setMonth] = useState<Dayjs>(dayjs().startOf('month'));
  const [open, setOpen] = useState<ActivityRow | null>(null);
  const [creating, setCreating] = useState(false);
  const q = {
    communityId: communityId ?? undefined,
    from: month.toISOString(),
    to: month.add(1, 'month').toISOString(),
    order: 'asc' as const,
    page: 1,
    pageSize: 200,
  };
  const list = useQuery({ queryKey: activitiesKeys.list(q), queryFn: () => fetchActivities(q) });
  return (
    <Card
      title={t('act.title')}
      extra={
        <Space>
          <DatePicker picker="month" value={month} allowClear={false} onChange={(d) => d && setMonth(d.startOf('month'))} data-testid="act-month" />
          {me && roleCan(me.role, 'activities.write') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="act-new">
              {t('act.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<ActivityRow>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        data-testid="act-table"
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('act.when'), render: (_, r) => `${formatTime(r.startsAt)} – ${formatTime(r.endsAt).slice(-5)}` },
          { title: t('act.name'), dataIndex: 'title' },
          { title: t('act.kind'), render: (_, r) => L.kind[r.kind] },
          { title: t('act.place'), dataIndex: 'place' },
          { title: t('act.seats'), render: (_, r) => `${r.confirmedCount}/${r.capacity ?? '∞'}${r.waitlistCount ? ` (+${r.waitlistCount})` : ''}` },
          { title: t('act.status'), render: (_, r) => <Tag color={statusColor[r.status]}>{L.status[r.status]}</Tag> },
        ]}
      />
      {creating && <CreateDialog communityId={communityId ?? undefined} onClose={() => setCreating(false)} />}
      {open && <ActivityDrawer a={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

interface CreateValues {
  title: string;
  kind: (typeof activityKinds)[number];
  organiserName?: string;
  place?: string;
  stationId?: number;
  startsAt: Dayjs;
  endsAt: Dayjs;
  capacity?: number;
  description?: string;
  weekly?: boolean;
  weekdays?: number[];
  until?: Dayjs;
}

function CreateDialog({ communityId, onClose }: { communityId?: number; onClose(): void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const weekly = Form.useWatch('weekly', form);
  const labels = {
    title: t('act.name'),
    kind: t('act.kind'),
    place: t('act.place'),
    startsAt: t('act.startsAt'),
    endsAt: t('act.endsAt'),
    capacity: t('act.capacity'),
    recurrence: t('act.weekly'),
  };
  const save = useMutation({
    mutationFn: (v: CreateValues) =>
      createActivity({
        communityId,
        title: v.title,
        kind: v.kind,
        organiserKind: 'staff',
        organiserName: v.organiserName || undefined,
        place: v.place || undefined,
        stationId: v.stationId ?? null,
        description: v.description || undefined,
        startsAt: v.startsAt.toISOString(),
        endsAt: v.endsAt.toISOString(),
        capacity: v.capacity ?? null,
        audience: 'all',
        isPublic: true,
        recurrence: v.weekly && v.weekdays?.length && v.until ? { weekdays: v.weekdays, until: v.until.format('YYYY-MM-DD') } : null,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: activitiesKeys.all });
      message.success(t('act.saved'));
      onClose();
    },
    onError: (err) => {
      const rest = applyApiError(form, err, labels);
      if (rest) message.error(rest);
    },
  });
  const wd = locale === 'en' ? ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] : ['一', '二', '三', '四', '五', '六', '日'];
  return (
    <Drawer open title={t('act.new')} onClose={onClose} size={520} data-testid="act-create">
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ kind: 'lecture' }}>
        <Form.Item name="kind" label={t('act.kind')} rules={[{ required: true }]}>
          <Select options={activityKinds.map((k) => ({ value: k, label: activityLabels[locale].kind[k] }))} data-testid="act-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('act.name')} rules={[{ required: true }]}>
          <Input maxLength={80} data-testid="act-title" />
        </Form.Item>
        <Form.Item name="organiserName" label={t('act.organiserName')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="stationId" label={t('act.stationId')}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={t('act.place')}>
          <Input maxLength={120} data-testid="act-place" />
        </Form.Item>
        <Form.Item name="startsAt" label={t('act.startsAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="act-starts" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('act.endsAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="act-ends" />
        </Form.Item>
        <Form.Item name="capacity" label={t('act.capacity')}>
          <InputNumber min={1} style={{ width: '100%' }} data-testid="act-capacity" />
        </Form.Item>
        <Form.Item name="description" label={t('act.description')}>
          <Input.TextArea maxLength={2000} rows={3} />
        </Form.Item>
        <Form.Item name="weekly" label={t('act.weekly')} valuePropName="checked">
          <Switch data-testid="act-weekly" />
        </Form.Item>
        {weekly && (
          <>
            <Form.Item name="weekdays" label={t('act.weekdays')} rules={[{ required: true }]}>
              <Checkbox.Group options={wd.map((label, i) => ({ label, value: i + 1 }))} />
            </Form.Item>
            <Form.Item name="until" label={t('act.until')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="act-save">
          {t('act.save')}
        </Button>
      </Form>
    </Drawer>
  );
}

/** One activity: sign-ups and the waiting list, the door code, ticks and walk-ins, close, report. */
function ActivityDrawer({ a, onClose }: { a: ActivityRow; onClose(): void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const L = activityLabels[locale];
  const [row, setRow] = useState(a);
  const [code, setCode] = useState<string | null>(null);
  const [ticked, setTicked] = useState<number[]>([]);
  const [walkIns, setWalkIns] = useState<number | null>(a.walkInCount);
  const [report, setReport] = useState(a.report ?? '');
  const photoInput = useRef<HTMLInputElement>(null);
  const signups = useQuery({ queryKey: activitiesKeys.signups(a.id), queryFn: () => fetchSignups(a.id) });
  const run = useMutation({
    mutationFn: async (step: () => Promise<unknown>) => step(),
    onSuccess: (out) => {
      if (out && typeof out === 'object' && 'id' in out) setRow(out as ActivityRow);
      void qc.invalidateQueries({ queryKey: activitiesKeys.all });
      message.success(t('act.done'));
    },
    onError: (err) => message.error(err instanceof Error ? err.message : String(err)),
  });
  const items = signups.data?.items ?? [];
  const confirmed = items.filter((s) => s.status === 'confirmed');
  const waiting = items.filter((s) => s.status === 'waitlisted').sort((x, y) => (x.position ?? 0) - (y.position ?? 0));
  const open = row.status === 'published';
  return (
    <Drawer open title={row.title} onClose={onClose} size={640} data-testid="act-drawer">
      <p>
        <Tag color={statusColor[row.status]}>{L.status[row.status]}</Tag>
        {`${formatTime(row.startsAt)} – ${formatTime(row.endsAt).slice(-5)} · ${row.place ?? ''}`}
      </p>
      <p>{t('act.attended', { n: row.attendedCount, w: row.walkInCount })}</p>
      <h3>{t('act.signups')}</h3>
      <Checkbox.Group value={ticked} onChange={(v) => setTicked(v as number[])} style={{ display: 'block' }}>
        {confirmed.map((s) => (
          <div key={s.id} data-testid={`act-signup-${s.id}`}>
            <Checkbox value={s.id} disabled={!open || s.checkedInAt !== null}>
              {s.name} · {s.phoneMasked} {s.checkedInAt && <Tag color="green">{t('act.checkedIn')}</Tag>}
            </Checkbox>
          </div>
        ))}
      </Checkbox.Group>
      <h3>{t('act.waitlist')}</h3>
      <ol data-testid="act-waitlist">
        {waiting.map((s) => (
          <li key={s.id}>
            {s.name} · {s.phoneMasked} · {t('act.position', { n: s.position ?? 0 })}
          </li>
        ))}
      </ol>
      <ServingSection activityId={row.id} communityId={row.communityId} editable={row.status !== 'cancelled'} />
      {open && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Button
              onClick={() =>
                issueCode(row.id).then(
                  (c) => setCode(c.code),
                  (e: unknown) => message.error(String(e)),
                )
              }
              data-testid="act-issue-code"
            >
              {t('act.issueCode')}
            </Button>
            {code && <b data-testid="act-code">{t('act.codeShown', { code })}</b>}
          </Space>
          <Space>
            <span>{t('act.walkIns')}</span>
            <InputNumber min={0} value={walkIns} onChange={(v) => setWalkIns(v)} data-testid="act-walkins" />
            <Button onClick={() => run.mutate(() => markAttendance(row.id, ticked, walkIns ?? undefined))} data-testid="act-save-attendance">
              {t('act.saveAttendance')}
            </Button>
          </Space>
          <Button type="primary" onClick={() => run.mutate(() => closeActivity(row.id))} data-testid="act-close">
            {t('act.close')}
          </Button>
        </Space>
      )}
      {row.status === 'held' || row.status === 'reported' ? (
        <>
          <h3>{t('act.report')}</h3>
          <Input.TextArea rows={4} maxLength={4000} value={report} onChange={(e) => setReport(e.target.value)} data-testid="act-report" />
          <Button onClick={() => run.mutate(() => reportActivity(row.id, report))} data-testid="act-save-report">
            {t('act.saveReport')}
          </Button>
          <h3 style={{ marginTop: 16 }}>{t('act.photos')}</h3>
          {row.photos.length > 0 && (
            <Space wrap data-testid="act-photos">
              {row.photos.map((name) => (
                <img key={name} src={activityPhotoUrl(row.id, name)} alt="" style={{ height: 96 }} />
              ))}
            </Space>
          )}
          {row.photos.length < 9 && (
            <Space align="end">
              <PhotoPicker label={t('act.photosPick')} inputRef={photoInput} testId="act-photo-pick" />
              <Button onClick={() => run.mutate(() => uploadActivityPhotos(row.id, pickedPhotos(photoInput.current)))} data-testid="act-upload-photos">
                {t('act.uploadPhotos')}
              </Button>
            </Space>
          )}
        </>
      ) : null}
    </Drawer>
  );
}
