import { useState } from 'react';
import { App, Button, Card, Checkbox, Drawer, Form, Input, InputNumber, Select, Switch, Table, Tabs, Tag, TimePicker } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { roleCan } from '@linli/contracts';
import { bookerKindLabels, venueBookerKinds, venueKindLabels, venueKinds, venueStatusLabels, weekdayLabels } from '@linli/contracts/venue-labels';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, requiredRule } from '../../components/forms.js';
import { createVenue, fetchVenues, venuesKeys, type VenueRow } from './api.js';
import { WeekView } from './week-view.js';
import { hoursText } from './hours-text.js';
import { UsageTab } from './usage-tab.js';
import './messages.js';

/** 场地预约: the community's venues, a week of bookings per venue, and usage per month with the register. */
export function VenuesPage() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: venuesKeys.list(communityId), queryFn: () => fetchVenues(communityId) });
  const venues = list.data?.items ?? [];
  const canWrite = !!me && roleCan(me.role, 'venues.write');
  const venueTable = (
    <Table<VenueRow>
      rowKey="id"
      loading={list.isLoading}
      dataSource={venues}
      pagination={false}
      scroll={{ x: 820 }}
      data-testid="ven-table"
      columns={[
        { title: t('ven.name'), dataIndex: 'name' },
        { title: t('ven.kind'), render: (_, v) => venueKindLabels[locale][v.kind] },
        { title: t('ven.location'), dataIndex: 'location' },
        { title: t('ven.capacity'), dataIndex: 'capacity' },
        { title: t('ven.hours'), render: (_, v) => (v.openingHours.length ? hoursText(v.openingHours, locale) : t('ven.hoursNone')) },
        { title: t('ven.bookableBy'), render: (_, v) => v.bookableBy.map((k) => bookerKindLabels[locale][k]).join(locale === 'en' ? ', ' : '、') },
        { title: t('ven.status'), render: (_, v) => <Tag color={v.status === 'open' ? 'green' : 'default'}>{venueStatusLabels[locale][v.status]}</Tag> },
      ]}
    />
  );
  return (
    <Card
      title={t('ven.title')}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="ven-new">
            {t('ven.new')}
          </Button>
        )
      }
    >
      <Tabs
        data-testid="ven-tabs"
        items={[
          { key: 'week', label: t('ven.tab.week'), children: <WeekView venues={venues} /> },
          { key: 'venues', label: t('ven.tab.venues'), children: venueTable },
          { key: 'usage', label: t('ven.tab.usage'), children: <UsageTab /> },
        ]}
      />
      {creating && <VenueDrawer communityId={communityId} onClose={() => setCreating(false)} />}
    </Card>
  );
}

interface VenueValues {
  name: string;
  kind: (typeof venueKinds)[number];
  location?: string;
  capacity: number;
  weekdays: number[];
  opens: Dayjs;
  closes: Dayjs;
  bookableBy: Array<(typeof venueBookerKinds)[number]>;
  needsApproval: boolean;
  description?: string;
}

function VenueDrawer({ communityId, onClose }: { communityId: number | null; onClose(): void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<VenueValues>();
  const labels = { name: t('ven.name'), kind: t('ven.kind'), capacity: t('ven.capacity'), openingHours: t('ven.hours'), location: t('ven.location') };
  const save = useMutation({
    mutationFn: (v: VenueValues) =>
      createVenue({
        communityId: communityId ?? undefined,
        name: v.name,
        kind: v.kind,
        location: v.location || null,
        capacity: v.capacity,
        openingHours: (v.weekdays ?? []).map((weekday) => ({ weekday, opens: v.opens.format('HH:mm'), closes: v.closes.format('HH:mm') })),
        bookableBy: v.bookableBy,
        needsApproval: v.needsApproval,
        description: v.description || null,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: venuesKeys.all });
      message.success(t('ven.saved'));
      onClose();
    },
    onError: (err) => {
      const rest = applyApiError(form, err, labels);
      if (rest) message.error(rest);
    },
  });
  const wd = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: weekdayLabels[locale][d] }));
  return (
    <Drawer open title={t('ven.new')} onClose={onClose} size={Math.min(480, window.innerWidth)} data-testid="ven-create">
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{ kind: 'room', capacity: 20, weekdays: [1, 2, 3, 4, 5, 6], bookableBy: ['team', 'partner'], needsApproval: true }}
      >
        <Form.Item name="name" label={t('ven.name')} rules={[requiredRule(t, t('ven.name'))]}>
          <Input maxLength={60} data-testid="ven-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('ven.kind')}>
          <Select options={venueKinds.map((k) => ({ value: k, label: venueKindLabels[locale][k] }))} />
        </Form.Item>
        <Form.Item name="location" label={t('ven.location')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="capacity" label={t('ven.capacity')} rules={[requiredRule(t, t('ven.capacity'))]}>
          <InputNumber min={1} max={10000} data-testid="ven-capacity" />
        </Form.Item>
        <Form.Item name="weekdays" label={t('ven.weekdays')}>
          <Checkbox.Group options={wd} />
        </Form.Item>
        <Form.Item name="opens" label={t('ven.opens')} rules={[requiredRule(t, t('ven.opens'), 'choose')]}>
          <TimePicker format="HH:mm" minuteStep={15} data-testid="ven-opens" />
        </Form.Item>
        <Form.Item name="closes" label={t('ven.closes')} rules={[requiredRule(t, t('ven.closes'), 'choose')]}>
          <TimePicker format="HH:mm" minuteStep={15} data-testid="ven-closes" />
        </Form.Item>
        <Form.Item name="bookableBy" label={t('ven.bookableBy')}>
          <Checkbox.Group options={venueBookerKinds.map((k) => ({ value: k, label: bookerKindLabels[locale][k] }))} />
        </Form.Item>
        <Form.Item name="needsApproval" label={t('ven.needsApproval')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="description" label={t('ven.description')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="ven-save">
          {t('ven.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
