import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, TimePicker } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import {
  meetingKindLabels,
  meetingKinds,
  meetingStatusLabels,
  meetingStatuses,
  roleCan,
  type Meeting,
  type MeetingListQuery,
  type MeetingStatus,
} from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { applyApiError, clearErrorsOnChange, requiredRule, testIdProps } from '../../components/forms.js';
import { CompoundSelect } from '../places/pickers.js';
import { fetchCompounds } from '../places/api.js';
import { createMeeting, createRotation, fetchMeetings, meetingsKeys } from './api.js';
import { MeetingDrawer } from './meeting-drawer.js';
import './messages.js';

export const meetingStatusColor: Record<MeetingStatus, string> = { planned: 'blue', held: 'gold', minuted: 'success', cancelled: 'default' };
/** A picked date and time read as Beijing wall time (the communities' zone), whatever the browser's zone. */
export const beijingIso = (d: Dayjs) => `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;

/** 议事会议: the community's meetings by month (a calendar list), the rotation planner, and a row opens the meeting. */
export function MeetingsPage() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const [q, setQ] = useState<Partial<MeetingListQuery>>({ page: 1, pageSize: 50, sort: 'startsAt', order: 'asc' });
  const [open, setOpen] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'new' | 'rotation' | null>(null);
  const query = { ...q, communityId: communityId ?? undefined };
  const list = useQuery({ queryKey: meetingsKeys.list(query), queryFn: () => fetchMeetings(query) });
  const set = (patch: Partial<MeetingListQuery>) => setQ((old) => ({ ...old, ...patch, page: patch.page ?? 1 }));
  const mayWrite = roleCan(me.role, 'meetings.write');
  return (
    <Card
      title={t('meeting.title')}
      extra={
        mayWrite && (
          <Space>
            <Button onClick={() => setDialog('rotation')} data-testid="meeting-rotation">
              {t('meeting.rotation')}
            </Button>
            <Button type="primary" onClick={() => setDialog('new')} data-testid="meeting-new">
              {t('meeting.new')}
            </Button>
          </Space>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          placeholder={t('meeting.month')}
          onChange={(d) =>
            set(d ? { from: d.startOf('month').format('YYYY-MM-DD'), to: d.endOf('month').format('YYYY-MM-DD') } : { from: undefined, to: undefined })
          }
          data-testid="meeting-month"
        />
        <Input.Search allowClear placeholder={t('meeting.search')} onSearch={(v) => set({ q: v || undefined })} style={{ width: 220 }} />
        <Select
          allowClear
          placeholder={t('meeting.kind')}
          style={{ width: 140 }}
          onChange={(v) => set({ kind: v })}
          options={meetingKinds.map((k) => ({ value: k, label: meetingKindLabels[locale][k] }))}
        />
        <Select
          allowClear
          placeholder={t('meeting.status')}
          style={{ width: 120 }}
          onChange={(v) => set({ status: v })}
          options={meetingStatuses.map((s) => ({ value: s, label: meetingStatusLabels[locale][s] }))}
        />
      </Space>
      <Table<Meeting>
        rowKey="id"
        size="small"
        data-testid="meetings-table"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: q.page, pageSize: q.pageSize, total: list.data?.total ?? 0, onChange: (page, pageSize) => set({ page, pageSize }) }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' }, 'data-testid': `meeting-row-${r.id}` }) as never}
        columns={[
          { title: t('meeting.time'), dataIndex: 'startsAt', render: (d: string) => formatTime(d) },
          { title: t('meeting.kind'), dataIndex: 'kind', render: (k: Meeting['kind']) => meetingKindLabels[locale][k] },
          { title: t('meeting.name'), dataIndex: 'title' },
          { title: t('meeting.compound'), dataIndex: 'compoundName' },
          { title: t('meeting.place'), dataIndex: 'place' },
          { title: t('meeting.host'), dataIndex: 'hostName' },
          { title: t('meeting.topicCount'), dataIndex: 'topicCount' },
          {
            title: t('meeting.status'),
            dataIndex: 'status',
            render: (s: MeetingStatus) => <Tag color={meetingStatusColor[s]}>{meetingStatusLabels[locale][s]}</Tag>,
          },
        ]}
      />
      {open !== null && <MeetingDrawer id={open} onClose={() => setOpen(null)} />}
      {dialog === 'new' && <NewMeetingDialog onClose={() => setDialog(null)} onCreated={(id) => (setDialog(null), setOpen(id))} />}
      {dialog === 'rotation' && <RotationDialog onClose={() => setDialog(null)} />}
    </Card>
  );
}

type MeetingValues = { kind: Meeting['kind']; title: string; compoundId?: number | null; startsAt: Dayjs; endsAt: Dayjs; place?: string; hostName?: string };

function NewMeetingDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: number): void }) {
  const { t, locale } = useT();
  const { communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<MeetingValues>();
  const labels = { title: t('meeting.name'), startsAt: t('meeting.startsAt'), endsAt: t('meeting.endsAt'), kind: t('meeting.kind') };
  const run = useMutation({
    mutationFn: (v: MeetingValues) =>
      createMeeting({
        communityId: communityId ?? undefined,
        kind: v.kind,
        title: v.title,
        compoundId: v.compoundId ?? null,
        startsAt: beijingIso(v.startsAt),
        endsAt: beijingIso(v.endsAt),
        place: v.place || null,
        hostName: v.hostName || null,
      }),
    onSuccess: (m) => {
      void qc.invalidateQueries({ queryKey: meetingsKeys.all });
      onCreated(m.id);
    },
    onError: (err) => {
      const rest = applyApiError(form, err, labels);
      if (rest) message.error(rest);
    },
  });
  return (
    <Modal
      open
      title={t('meeting.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okButtonProps={testIdProps('meeting-new-ok')}
    >
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} onValuesChange={clearErrorsOnChange(form)} initialValues={{ kind: 'tea_talk' }}>
        <Form.Item name="kind" label={labels.kind} rules={[requiredRule(t, labels.kind, 'choose')]}>
          <Select options={meetingKinds.map((k) => ({ value: k, label: meetingKindLabels[locale][k] }))} data-testid="meeting-kind" />
        </Form.Item>
        <Form.Item name="title" label={labels.title} rules={[requiredRule(t, labels.title)]}>
          <Input maxLength={80} data-testid="meeting-title" />
        </Form.Item>
        <Form.Item name="compoundId" label={t('meeting.compound')}>
          <CompoundSelect />
        </Form.Item>
        <Space>
          <Form.Item name="startsAt" label={labels.startsAt} rules={[requiredRule(t, labels.startsAt, 'choose')]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="meeting-starts" />
          </Form.Item>
          <Form.Item name="endsAt" label={labels.endsAt} rules={[requiredRule(t, labels.endsAt, 'choose')]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="meeting-ends" />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t('meeting.place')}>
          <Input maxLength={120} data-testid="meeting-place" />
        </Form.Item>
        <Form.Item name="hostName" label={t('meeting.host')}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type RotationValues = {
  kind: Meeting['kind'];
  title: string;
  compoundIds: number[];
  startsOn: Dayjs;
  intervalDays: number;
  startTime: Dayjs;
  durationMinutes: number;
  place?: string;
  hostName?: string;
};

/** The rotation planner: a season's meetings of one kind over the compounds in turn (理工大's 喝茶议事). */
function RotationDialog({ onClose }: { onClose(): void }) {
  const { t, locale } = useT();
  const { communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<RotationValues>();
  const compounds = useQuery({ queryKey: ['meetings', 'compounds', communityId], queryFn: () => fetchCompounds(communityId) });
  const labels = {
    title: t('meeting.name'),
    compoundIds: t('meeting.compounds'),
    startsOn: t('meeting.startsOn'),
    intervalDays: t('meeting.intervalDays'),
    startTime: t('meeting.startTime'),
  };
  const run = useMutation({
    mutationFn: (v: RotationValues) =>
      createRotation({
        communityId: communityId ?? undefined,
        kind: v.kind,
        title: v.title,
        compoundIds: v.compoundIds,
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        intervalDays: v.intervalDays,
        startTime: v.startTime.format('HH:mm'),
        durationMinutes: v.durationMinutes,
        place: v.place || null,
        hostName: v.hostName || null,
      }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: meetingsKeys.all });
      message.success(t('meeting.planned', { n: r.meetingCount }));
      onClose();
    },
    onError: (err) => {
      const rest = applyApiError(form, err, labels);
      if (rest) message.error(rest);
    },
  });
  return (
    <Modal
      open
      title={t('meeting.rotation')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('meeting.plan')}
      confirmLoading={run.isPending}
      okButtonProps={testIdProps('rotation-ok')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => run.mutate(v)}
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ kind: 'tea_talk', title: meetingKindLabels[locale].tea_talk, intervalDays: 14, durationMinutes: 90 }}
      >
        <Form.Item name="kind" label={t('meeting.kind')}>
          <Select options={meetingKinds.map((k) => ({ value: k, label: meetingKindLabels[locale][k] }))} />
        </Form.Item>
        <Form.Item name="title" label={labels.title} rules={[requiredRule(t, labels.title)]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="compoundIds" label={labels.compoundIds} rules={[requiredRule(t, labels.compoundIds, 'choose')]}>
          <Select mode="multiple" options={compounds.data?.items.map((c) => ({ value: c.id, label: c.name }))} data-testid="rotation-compounds" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startsOn" label={labels.startsOn} rules={[requiredRule(t, labels.startsOn, 'choose')]}>
            <DatePicker data-testid="rotation-starts-on" />
          </Form.Item>
          <Form.Item name="startTime" label={labels.startTime} rules={[requiredRule(t, labels.startTime, 'choose')]}>
            <TimePicker format="HH:mm" minuteStep={5} data-testid="rotation-time" />
          </Form.Item>
          <Form.Item name="intervalDays" label={labels.intervalDays}>
            <InputNumber min={1} max={92} />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('meeting.duration')}>
            <InputNumber min={10} max={720} />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t('meeting.place')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="hostName" label={t('meeting.host')}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
