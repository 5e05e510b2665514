import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Empty, Form, Input, InputNumber, Popconfirm, Select, Space, Tag, TimePicker, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { roleCan } from '@linli/contracts';
import { beijingDate } from '@linli/contracts/time';
import { bookerKindLabels, bookingStatusLabels, weekdayLabels, type BookingStatus } from '@linli/contracts/venue-labels';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { applyApiError, clearErrorsOnChange, requiredRule, testIdProps } from '../../components/forms.js';
import { createBooking, decideBooking, fetchBookers, fetchBookings, venuesKeys, type BookingDecision, type BookingRow, type VenueRow } from './api.js';
import { addDays, beijingInstant, mondayOf, weekdayOf } from './week.js';
import './messages.js';

const statusColor: Record<BookingStatus, string> = { requested: 'gold', approved: 'green', declined: 'default', cancelled: 'default' };

/** A week of one venue's bookings, day by day, with its opening hours; book, approve, decline or cancel from here. */
export function WeekView({ venues }: { venues: VenueRow[] }) {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [picked, setPicked] = useState<number | null>(null);
  const [monday, setMonday] = useState(() => mondayOf(beijingDate(new Date())));
  const [booking, setBooking] = useState(false);
  const venue = venues.find((v) => v.id === picked) ?? venues[0];
  const from = beijingInstant(monday, '00:00');
  const to = beijingInstant(addDays(monday, 7), '00:00');
  const list = useQuery({
    queryKey: venuesKeys.bookings(communityId, venue?.id ?? null, monday),
    queryFn: () => fetchBookings(communityId, venue!.id, from, to),
    enabled: !!venue,
  });
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: number; decision: BookingDecision }) => decideBooking(id, decision, communityId),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: venuesKeys.all });
      message.success(t('ven.done'));
    },
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  if (!venue) return <Empty description={t('ven.noVenues')} />;
  const canApprove = !!me && roleCan(me.role, 'venues.approve');
  const live = (list.data?.items ?? []).filter((b) => b.status === 'requested' || b.status === 'approved');
  const days = [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(monday, i));
  const actions = (b: BookingRow) => (
    <Space size={4} wrap>
      {canApprove && b.status === 'requested' && (
        <>
          <Button size="small" type="link" onClick={() => decide.mutate({ id: b.id, decision: 'approve' })} data-testid={`ven-approve-${b.id}`}>
            {t('ven.approve')}
          </Button>
          <Button size="small" type="link" onClick={() => decide.mutate({ id: b.id, decision: 'decline' })} data-testid={`ven-decline-${b.id}`}>
            {t('ven.decline')}
          </Button>
        </>
      )}
      <Popconfirm title={t('ven.cancelConfirm')} onConfirm={() => decide.mutate({ id: b.id, decision: 'cancel' })} okButtonProps={testIdProps('ven-cancel-ok')}>
        <Button size="small" type="link" danger data-testid={`ven-cancel-${b.id}`}>
          {t('ven.cancel')}
        </Button>
      </Popconfirm>
    </Space>
  );
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 200 }}
          value={venue.id}
          onChange={setPicked}
          options={venues.map((v) => ({ value: v.id, label: `${v.name}（${v.capacity}人）` }))}
          data-testid="ven-week-venue"
        />
        <Button onClick={() => setMonday(addDays(monday, -7))} data-testid="ven-prev-week">
          {t('ven.prevWeek')}
        </Button>
        <Button onClick={() => setMonday(mondayOf(beijingDate(new Date())))}>{t('ven.thisWeek')}</Button>
        <Button onClick={() => setMonday(addDays(monday, 7))} data-testid="ven-next-week">
          {t('ven.nextWeek')}
        </Button>
        <Typography.Text type="secondary">
          {monday} – {addDays(monday, 6)}
        </Typography.Text>
        <Button type="primary" onClick={() => setBooking(true)} data-testid="ven-book">
          {t('ven.book')}
        </Button>
      </Space>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: 8 }} data-testid="ven-week">
        {days.map((day) => {
          const hours = venue.openingHours.filter((h) => h.weekday === weekdayOf(day));
          const items = live.filter((b) => beijingDate(b.startsAt) === day).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
          return (
            <div key={day} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8, minHeight: 120 }} data-testid={`ven-day-${day}`}>
              <div style={{ fontWeight: 600 }}>
                {weekdayLabels[locale][weekdayOf(day)]} {day.slice(5)}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {hours.length ? hours.map((h) => `${h.opens}–${h.closes}`).join(' ') : t('ven.closed')}
              </Typography.Text>
              {items.length === 0 && <div style={{ color: '#bbb', fontSize: 12, marginTop: 6 }}>{t('ven.noBookings')}</div>}
              {items.map((b) => (
                <div key={b.id} style={{ marginTop: 6, padding: 6, background: '#fafafa', borderRadius: 4 }} data-testid="ven-booking">
                  <div style={{ fontSize: 12 }}>
                    {formatTime(b.startsAt).slice(11)}–{formatTime(b.endsAt).slice(11)}{' '}
                    <Tag color={statusColor[b.status]}>{bookingStatusLabels[locale][b.status]}</Tag>
                  </div>
                  <div>{b.bookerName ?? bookerKindLabels[locale][b.bookerKind]}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {b.purpose}
                  </Typography.Text>
                  {b.bookerKind !== 'activity' && actions(b)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
      {booking && (
        <BookingDrawer venue={venue} day={days[0]! < beijingDate(new Date()) ? beijingDate(new Date()) : days[0]!} onClose={() => setBooking(false)} />
      )}
    </div>
  );
}

interface BookingValues {
  day: Dayjs;
  startsAt: Dayjs;
  endsAt: Dayjs;
  bookerKind: 'team' | 'partner' | 'resident' | 'staff';
  teamId?: number;
  partnerId?: number;
  contactName?: string;
  contactPhone?: string;
  purpose: string;
  attendees?: number;
}

function BookingDrawer({ venue, day, onClose }: { venue: VenueRow; day: string; onClose(): void }) {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<BookingValues>();
  const kind = Form.useWatch('bookerKind', form);
  const bookers = useQuery({ queryKey: venuesKeys.bookers(communityId), queryFn: () => fetchBookers(communityId) });
  const labels = {
    startsAt: t('ven.startsAt'),
    endsAt: t('ven.endsAt'),
    bookerKind: t('ven.bookerKind'),
    teamId: t('ven.team'),
    partnerId: t('ven.partner'),
    contactName: t('ven.contactName'),
    contactPhone: t('ven.contactPhone'),
    purpose: t('ven.purpose'),
    attendees: t('ven.attendees'),
    venueId: t('ven.venue'),
  };
  const save = useMutation({
    mutationFn: (v: BookingValues) => {
      const d = v.day.format('YYYY-MM-DD');
      return createBooking({
        communityId: communityId ?? undefined,
        venueId: venue.id,
        startsAt: beijingInstant(d, v.startsAt.format('HH:mm')),
        endsAt: beijingInstant(d, v.endsAt.format('HH:mm')),
        purpose: v.purpose,
        bookerKind: v.bookerKind,
        teamId: v.bookerKind === 'team' ? (v.teamId ?? null) : null,
        partnerId: v.bookerKind === 'partner' ? (v.partnerId ?? null) : null,
        contactName: v.bookerKind === 'resident' ? v.contactName || null : null,
        contactPhone: v.bookerKind === 'resident' ? v.contactPhone || null : null,
        attendees: v.attendees ?? null,
      });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: venuesKeys.all });
      message.success(t('ven.booked'));
      onClose();
    },
    onError: (err) => {
      const rest = applyApiError(form, err, labels);
      if (rest) message.error(rest);
    },
  });
  const kinds = (['team', 'partner', 'resident', 'staff'] as const).filter((k) =>
    k === 'staff' ? !!me && roleCan(me.role, 'venues.approve') : (venue.bookableBy as readonly string[]).includes(k),
  );
  return (
    <Drawer open title={`${t('ven.book')}：${venue.name}`} onClose={onClose} size={Math.min(440, window.innerWidth)} data-testid="ven-book-drawer">
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ day: dayjs(day), bookerKind: kinds[0] ?? 'staff', startsAt: dayjs('2000-01-01T19:00'), endsAt: dayjs('2000-01-01T20:30') }}
      >
        <Form.Item name="day" label={t('ven.day')} rules={[requiredRule(t, t('ven.day'), 'choose')]}>
          <DatePicker data-testid="ven-book-day" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="startsAt" label={t('ven.startsAt')} rules={[requiredRule(t, t('ven.startsAt'), 'choose')]}>
            <TimePicker format="HH:mm" minuteStep={15} data-testid="ven-book-start" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('ven.endsAt')} rules={[requiredRule(t, t('ven.endsAt'), 'choose')]}>
            <TimePicker format="HH:mm" minuteStep={15} data-testid="ven-book-end" />
          </Form.Item>
        </div>
        <Form.Item name="bookerKind" label={t('ven.bookerKind')}>
          <Select options={kinds.map((k) => ({ value: k, label: bookerKindLabels[locale][k] }))} data-testid="ven-book-kind" />
        </Form.Item>
        {kind === 'team' && (
          <Form.Item name="teamId" label={t('ven.team')} rules={[requiredRule(t, t('ven.team'), 'choose')]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(bookers.data?.teams ?? []).map((x) => ({ value: x.id, label: x.name }))}
              data-testid="ven-book-team"
            />
          </Form.Item>
        )}
        {kind === 'partner' && (
          <Form.Item name="partnerId" label={t('ven.partner')} rules={[requiredRule(t, t('ven.partner'), 'choose')]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(bookers.data?.partners ?? []).map((x) => ({ value: x.id, label: x.name }))}
              data-testid="ven-book-partner"
            />
          </Form.Item>
        )}
        {kind === 'resident' && (
          <>
            <Form.Item name="contactName" label={t('ven.contactName')} rules={[requiredRule(t, t('ven.contactName'))]}>
              <Input maxLength={40} data-testid="ven-book-contact" />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('ven.contactPhone')}>
              <Input maxLength={11} data-testid="ven-book-phone" />
            </Form.Item>
          </>
        )}
        <Form.Item name="purpose" label={t('ven.purpose')} rules={[requiredRule(t, t('ven.purpose'))]}>
          <Input maxLength={200} data-testid="ven-book-purpose" />
        </Form.Item>
        <Form.Item name="attendees" label={t('ven.attendees')}>
          <InputNumber min={1} max={venue.capacity} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="ven-book-save">
          {t('ven.book')}
        </Button>
      </Form>
    </Drawer>
  );
}
