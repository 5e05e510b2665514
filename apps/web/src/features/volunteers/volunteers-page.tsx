import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  roleCan,
  serviceSourceKinds,
  serviceSourceLabels,
  starLabels,
  volunteerOriginLabels,
  volunteerOrigins,
  volunteerStatusLabels,
  type CreateVolunteerInput,
  type ServiceSourceKind,
  type Volunteer,
} from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { applyApiError, requiredRule } from '../../components/forms.js';
import { certificateUrl, createVolunteer, fetchVolunteer, fetchVolunteers, openSession, recordHours, reviewVolunteer, volunteerKeys } from './api.js';
import './messages.js';
import { PointsPanel } from '../points/points-panel.js';

const statusColor = { applied: 'gold', approved: 'green', rejected: 'red', suspended: 'default', left: 'default' } as const;

/** 志愿者: the register (masked), a drawer with hours and review, recording hours, sign-in sessions and certificates. */
export function VolunteersPage() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Volunteer['status'] | undefined>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [session, setSession] = useState(false);
  const filters = { communityId: communityId ?? undefined, status, q: q || undefined, page, pageSize: 20 };
  const list = useQuery({ queryKey: volunteerKeys.list(filters), queryFn: () => fetchVolunteers(filters) });
  return (
    <Card
      title={t('vol.title')}
      extra={
        <Space>
          <Input.Search
            allowClear
            placeholder={t('vol.search')}
            onSearch={(v) => (setQ(v.trim()), setPage(1))}
            style={{ width: 180 }}
            data-testid="vol-search"
          />
          <Select
            allowClear
            placeholder={t('vol.status')}
            style={{ width: 120 }}
            value={status}
            onChange={(v) => (setStatus(v), setPage(1))}
            options={Object.entries(volunteerStatusLabels[locale]).map(([value, label]) => ({ value, label }))}
          />
          {roleCan(me.role, 'volunteers.record') && (
            <Button onClick={() => setSession(true)} data-testid="vol-open-session">
              {t('vol.openSession')}
            </Button>
          )}
          {roleCan(me.role, 'volunteers.write') && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="vol-new">
              {t('vol.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<Volunteer>
        rowKey="id"
        data-testid="vol-list"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('vol.number'), dataIndex: 'number', width: 100 },
          { title: t('vol.name'), dataIndex: 'name' },
          { title: t('vol.origin'), render: (_, r) => volunteerOriginLabels[locale][r.origin] },
          { title: t('vol.affiliation'), dataIndex: 'affiliation' },
          { title: t('vol.phone'), dataIndex: 'phoneMasked' },
          { title: t('vol.skills'), render: (_, r) => r.skills.join('、') },
          { title: t('vol.status'), render: (_, r) => <Tag color={statusColor[r.status]}>{volunteerStatusLabels[locale][r.status]}</Tag> },
          { title: t('vol.hours'), dataIndex: 'hours', align: 'right' },
          { title: t('vol.star'), render: (_, r) => starLabels[locale][r.star] },
        ]}
      />
      {open != null && <VolunteerDrawer id={open} onClose={() => setOpen(null)} />}
      {adding && <NewVolunteerModal communityId={communityId ?? undefined} onClose={() => setAdding(false)} />}
      {session && <SessionModal communityId={communityId ?? undefined} onClose={() => setSession(false)} />}
    </Card>
  );
}

function VolunteerDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, locale } = useT();
  const { me } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const v = useQuery({ queryKey: volunteerKeys.one(id), queryFn: () => fetchVolunteer(id) });
  const [reason, setReason] = useState('');
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [hoursForm] = Form.useForm();
  const done = () => (message.success(t('vol.saved')), qc.invalidateQueries({ queryKey: volunteerKeys.all }));
  const review = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => reviewVolunteer(id, { decision, reason: reason || null }),
    onSuccess: done,
    onError: (e) => message.error(applyApiError(undefined, e)),
  });
  const record = useMutation({
    mutationFn: (f: { sourceKind: ServiceSourceKind; sourceTitle: string; range: [Dayjs, Dayjs] }) =>
      recordHours({ volunteerId: id, sourceKind: f.sourceKind, sourceTitle: f.sourceTitle, startedAt: f.range[0].format(), endedAt: f.range[1].format() }),
    onSuccess: () => (hoursForm.resetFields(), done()),
    onError: (e) => message.error(applyApiError(hoursForm, e, { startedAt: t('vol.startedAt'), endedAt: t('vol.endedAt') })),
  });
  const d = v.data;
  return (
    <Drawer open width={720} title={d ? `${d.name}（${d.number}）` : ''} onClose={onClose} data-testid="vol-drawer">
      {d && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('vol.status')}>{volunteerStatusLabels[locale][d.status]}</Descriptions.Item>
            <Descriptions.Item label={t('vol.star')}>{starLabels[locale][d.star]}</Descriptions.Item>
            <Descriptions.Item label={t('vol.hours')}>{d.hours}</Descriptions.Item>
            <Descriptions.Item label={t('vol.idNumber')}>{d.idNumberMasked}</Descriptions.Item>
            <Descriptions.Item label={t('vol.phone')}>{d.phoneMasked}</Descriptions.Item>
            <Descriptions.Item label={t('vol.affiliation')}>{d.affiliation}</Descriptions.Item>
          </Descriptions>
          {roleCan(me.role, 'volunteers.write') && (d.status === 'applied' || d.status === 'rejected') && (
            <Space>
              <Input placeholder={t('vol.reason')} value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 240 }} />
              <Button type="primary" onClick={() => review.mutate('approve')} data-testid="vol-approve">
                {t('vol.approve')}
              </Button>
              {d.status === 'applied' && (
                <Button danger onClick={() => review.mutate('reject')} data-testid="vol-reject">
                  {t('vol.reject')}
                </Button>
              )}
            </Space>
          )}
          {roleCan(me.role, 'volunteers.record') && d.status === 'approved' && (
            <Card size="small" title={t('vol.recordHours')}>
              <Form form={hoursForm} layout="inline" onFinish={(f) => record.mutate(f)}>
                <Form.Item name="sourceKind" initialValue="activity" rules={[requiredRule(t, t('vol.source'), 'choose')]}>
                  <Select style={{ width: 110 }} options={serviceSourceKinds.map((k) => ({ value: k, label: serviceSourceLabels[locale][k] }))} />
                </Form.Item>
                <Form.Item name="sourceTitle" rules={[requiredRule(t, t('vol.sourceTitle'))]}>
                  <Input placeholder={t('vol.sourceTitle')} />
                </Form.Item>
                <Form.Item name="range" rules={[requiredRule(t, t('vol.startedAt'), 'choose')]}>
                  <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
                </Form.Item>
                <Button htmlType="submit" type="primary" loading={record.isPending}>
                  {t('vol.recordHours')}
                </Button>
              </Form>
            </Card>
          )}
          {roleCan(me.role, 'volunteers.certify') && (
            <Space>
              <span>{t('vol.period')}</span>
              <DatePicker.RangePicker value={period} onChange={(v) => v && v[0] && v[1] && setPeriod([v[0], v[1]])} />
              <Button href={certificateUrl(id, period[0].format('YYYY-MM-DD'), period[1].format('YYYY-MM-DD'))} target="_blank" data-testid="vol-certificate">
                {t('vol.certificate')}
              </Button>
            </Space>
          )}
          <Typography.Title level={5}>{t('vol.entries')}</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.entries}
            data-testid="vol-entries"
            columns={[
              { title: t('vol.startedAt'), render: (_, r) => formatTime(r.startedAt) },
              { title: t('vol.source'), render: (_, r) => serviceSourceLabels[locale][r.sourceKind] },
              { title: t('vol.sourceTitle'), dataIndex: 'sourceTitle' },
              { title: t('vol.hours'), dataIndex: 'hours', align: 'right' },
              { title: '', dataIndex: 'recordedByName' },
            ]}
          />
          {roleCan(me.role, 'points.read') && (
            <>
              <Typography.Title level={5}>{t('vol.points')}</Typography.Title>
              <PointsPanel volunteerId={id} />
            </>
          )}
          <Typography.Title level={5}>{t('vol.events')}</Typography.Title>
          {d.events.map((e) => (
            <div key={e.id}>
              {formatTime(e.at)} {e.actorName ?? ''} {e.toStatus ? volunteerStatusLabels[locale][e.toStatus as Volunteer['status']] : e.action} {e.reason ?? ''}
            </div>
          ))}
        </Space>
      )}
    </Drawer>
  );
}

function NewVolunteerModal({ communityId, onClose }: { communityId?: number; onClose: () => void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (f: { name: string; idNumber: string; phone: string; origin: CreateVolunteerInput['origin']; affiliation?: string; skills?: string[] }) =>
      createVolunteer({ ...f, idType: 'resident_id_card', skills: f.skills ?? [], serviceAreas: [], weekdaySlots: [], approve: true, communityId }),
    onSuccess: () => (message.success(t('vol.saved')), qc.invalidateQueries({ queryKey: volunteerKeys.all }), onClose()),
    onError: (e) => message.error(applyApiError(form, e, { idNumber: t('vol.idNumber'), phone: t('vol.phone'), name: t('vol.name') })),
  });
  return (
    <Modal open title={t('vol.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}>
      <Form form={form} layout="vertical" onFinish={(f) => create.mutate(f)} initialValues={{ origin: 'resident' }}>
        <Form.Item name="name" label={t('vol.name')} rules={[requiredRule(t, t('vol.name'))]}>
          <Input />
        </Form.Item>
        <Form.Item name="idNumber" label={t('vol.idNumber')} rules={[requiredRule(t, t('vol.idNumber'))]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('vol.phone')} rules={[requiredRule(t, t('vol.phone'))]}>
          <Input />
        </Form.Item>
        <Form.Item name="origin" label={t('vol.origin')}>
          <Select options={volunteerOrigins.map((o) => ({ value: o, label: volunteerOriginLabels[locale][o] }))} />
        </Form.Item>
        <Form.Item name="affiliation" label={t('vol.affiliation')}>
          <Input />
        </Form.Item>
        <Form.Item name="skills" label={t('vol.skills')}>
          <Select mode="tags" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SessionModal({ communityId, onClose }: { communityId?: number; onClose: () => void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [code, setCode] = useState<string | null>(null);
  const open = useMutation({
    mutationFn: (f: { sourceKind: ServiceSourceKind; title: string; place?: string }) => openSession({ ...f, durationMinutes: 240, communityId }),
    onSuccess: (s) => setCode(s.code),
    onError: (e) => message.error(applyApiError(form, e)),
  });
  return (
    <Modal open title={t('vol.openSession')} onCancel={onClose} onOk={() => (code ? onClose() : form.submit())} confirmLoading={open.isPending}>
      {code ? (
        <div style={{ textAlign: 'center' }}>
          <Typography.Text type="secondary">{t('vol.code')}</Typography.Text>
          <div style={{ fontSize: 48, letterSpacing: 8, fontWeight: 600 }} data-testid="vol-session-code">
            {code}
          </div>
          <Typography.Paragraph>{t('vol.codeHint')}</Typography.Paragraph>
        </div>
      ) : (
        <Form form={form} layout="vertical" onFinish={(f) => open.mutate(f)} initialValues={{ sourceKind: 'activity' }}>
          <Form.Item name="sourceKind" label={t('vol.source')}>
            <Select options={serviceSourceKinds.map((k) => ({ value: k, label: serviceSourceLabels[locale][k] }))} />
          </Form.Item>
          <Form.Item name="title" label={t('vol.sessionTitle')} rules={[requiredRule(t, t('vol.sessionTitle'))]}>
            <Input data-testid="vol-session-title" />
          </Form.Item>
          <Form.Item name="place" label={t('vol.place')}>
            <Input />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
