import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Timeline } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import {
  attendeeKindLabels,
  meetingEventLabels,
  meetingKindLabels,
  meetingStatusLabels,
  roleCan,
  topicOutcomeLabels,
  topicSourceKinds,
  topicSourceLabels,
  type MeetingStatus,
} from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { applyApiError, clearErrorsOnChange, requiredRule, testIdProps } from '../../components/forms.js';
import { ResidentPicker } from '../places/pickers.js';
import { fetchCategories } from '../tickets/api.js';
import {
  addAttendee,
  addDecision,
  addFollowUp,
  addTopic,
  cancelMeeting,
  closeMeeting,
  completeFollowUp,
  decideTopic,
  fetchMeeting,
  holdMeeting,
  meetingsKeys,
  raiseTopicTicket,
  saveMinutes,
  signIn,
  type MeetingView,
} from './api.js';
import { meetingStatusColor } from './meetings-page.js';
import './messages.js';

type Dialog =
  | { kind: 'topic' | 'attendee' | 'decision' | 'followUp' | 'cancel' | 'hold' }
  | { kind: 'answer' | 'ticket' | 'vote' | 'defer'; topicId: number; title: string };

/** One meeting: its agenda, attendance, minutes, decisions, follow-ups and timeline, with the next steps. Stable data-testids: the votes journey starts here. */
export function MeetingDrawer({ id, onClose }: { id: number; onClose(): void }) {
  const { t, locale } = useT();
  const { me } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const q = useQuery({ queryKey: meetingsKeys.detail(id), queryFn: () => fetchMeeting(id) });
  const m = q.data;
  const may = roleCan(me.role, 'meetings.write');
  const step = useMutation({
    mutationFn: (f: () => Promise<unknown>) => f(),
    onSuccess: () => void qc.invalidateQueries({ queryKey: meetingsKeys.all }),
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  const status = m?.status as MeetingStatus | undefined;
  const planned = status === 'planned';
  const held = status === 'held';
  return (
    <Drawer open width={720} onClose={onClose} title={m ? m.title : t('meeting.title')} data-testid="meeting-drawer">
      {m && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={meetingStatusColor[m.status]} data-testid="meeting-status">
              {meetingStatusLabels[locale][m.status]}
            </Tag>
            {may && planned && (
              <Button type="primary" size="small" onClick={() => setDialog({ kind: 'hold' })} data-testid="meeting-hold">
                {t('meeting.hold')}
              </Button>
            )}
            {may && held && (
              <Button type="primary" size="small" onClick={() => step.mutate(() => closeMeeting(id))} data-testid="meeting-close">
                {t('meeting.close')}
              </Button>
            )}
            {may && planned && (
              <Button size="small" danger onClick={() => setDialog({ kind: 'cancel' })} data-testid="meeting-cancel">
                {t('meeting.cancel')}
              </Button>
            )}
          </Space>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('meeting.kind')}>{meetingKindLabels[locale][m.kind]}</Descriptions.Item>
            <Descriptions.Item label={t('meeting.compound')}>{m.compoundName}</Descriptions.Item>
            <Descriptions.Item label={t('meeting.time')}>
              {formatTime(m.startsAt)} – {formatTime(m.endsAt).slice(11)}
            </Descriptions.Item>
            <Descriptions.Item label={t('meeting.place')}>{m.place}</Descriptions.Item>
            <Descriptions.Item label={t('meeting.host')}>{m.hostName}</Descriptions.Item>
            <Descriptions.Item label={t('meeting.recorder')}>{m.recorderName}</Descriptions.Item>
            <Descriptions.Item label={t('meeting.walkIns')}>{m.walkInCount}</Descriptions.Item>
            {m.cancelReason && <Descriptions.Item label={t('meeting.reason')}>{m.cancelReason}</Descriptions.Item>}
          </Descriptions>

          <h4 style={{ marginTop: 16 }}>
            {t('meeting.topics')}{' '}
            {may && (planned || held) && (
              <Button size="small" onClick={() => setDialog({ kind: 'topic' })} data-testid="meeting-add-topic">
                {t('meeting.addTopic')}
              </Button>
            )}
          </h4>
          <List
            size="small"
            data-testid="meeting-topics"
            dataSource={m.topics}
            renderItem={(tp) => (
              <List.Item
                data-testid={`meeting-topic-${tp.seq}`}
                actions={
                  may && held && !tp.outcome
                    ? (['answer', 'ticket', 'vote', 'defer'] as const).map((k) => (
                        <Button
                          key={k}
                          size="small"
                          type="link"
                          onClick={() => setDialog({ kind: k, topicId: tp.id, title: tp.title })}
                          data-testid={`topic-${k}-${tp.seq}`}
                        >
                          {t(k === 'answer' ? 'meeting.answer' : k === 'ticket' ? 'meeting.raiseTicket' : k === 'vote' ? 'meeting.toVote' : 'meeting.defer')}
                        </Button>
                      ))
                    : []
                }
              >
                <List.Item.Meta
                  title={`${tp.seq}. ${tp.title}`}
                  description={
                    <span>
                      {topicSourceLabels[locale][tp.sourceKind]}
                      {tp.outcome && (
                        <Tag style={{ marginLeft: 8 }} color="green" data-testid={`topic-outcome-${tp.seq}`}>
                          {topicOutcomeLabels[locale][tp.outcome]}
                        </Tag>
                      )}
                      {tp.ticketCode && <Tag>{tp.ticketCode}</Tag>}
                      {tp.outcomeNote}
                    </span>
                  }
                />
              </List.Item>
            )}
          />

          <h4 style={{ marginTop: 16 }}>
            {t('meeting.attendees')}{' '}
            {may && (planned || held) && (
              <Button size="small" onClick={() => setDialog({ kind: 'attendee' })} data-testid="meeting-add-attendee">
                {t('meeting.addAttendee')}
              </Button>
            )}
          </h4>
          <List
            size="small"
            dataSource={m.attendees}
            renderItem={(a) => (
              <List.Item
                actions={
                  a.signedInAt
                    ? [
                        <Tag key="s" color="green">
                          {t('meeting.signedIn')}
                        </Tag>,
                      ]
                    : may && (planned || held)
                      ? [
                          <Button key="s" size="small" type="link" onClick={() => step.mutate(() => signIn(id, a.id))}>
                            {t('meeting.signIn')}
                          </Button>,
                        ]
                      : []
                }
              >
                {a.name}（{attendeeKindLabels[locale][a.kind]}
                {a.roleNote ? `，${a.roleNote}` : ''}）
              </List.Item>
            )}
          />

          <h4 style={{ marginTop: 16 }}>{t('meeting.minutes')}</h4>
          <MinutesEditor m={m} editable={may && held} />

          <h4 style={{ marginTop: 16 }}>
            {t('meeting.decisions')}{' '}
            {may && held && (
              <Button size="small" onClick={() => setDialog({ kind: 'decision' })} data-testid="meeting-add-decision">
                {t('meeting.addDecision')}
              </Button>
            )}
          </h4>
          <List size="small" dataSource={m.decisions} renderItem={(d, i) => <List.Item>{`${i + 1}. ${d.text}`}</List.Item>} />

          <h4 style={{ marginTop: 16 }}>
            {t('meeting.followUps')}{' '}
            {may && held && (
              <Button size="small" onClick={() => setDialog({ kind: 'followUp' })} data-testid="meeting-add-follow-up">
                {t('meeting.addFollowUp')}
              </Button>
            )}
          </h4>
          <List
            size="small"
            dataSource={m.followUps}
            renderItem={(f) => (
              <List.Item
                actions={
                  f.doneAt
                    ? [
                        <Tag key="d" color="green">
                          {t('meeting.done')}
                        </Tag>,
                      ]
                    : may && (held || status === 'minuted')
                      ? [
                          <Button key="d" size="small" type="link" onClick={() => step.mutate(() => completeFollowUp(id, f.id, null))}>
                            {t('meeting.done')}
                          </Button>,
                        ]
                      : []
                }
              >
                {f.text}（{f.ownerName}
                {f.dueOn ? `，${f.dueOn}` : ''}）
              </List.Item>
            )}
          />

          {m.tickets.length > 0 && (
            <>
              <h4 style={{ marginTop: 16 }}>{t('meeting.tickets')}</h4>
              <List size="small" dataSource={m.tickets} renderItem={(tk) => <List.Item>{`${tk.code} ${tk.title}`}</List.Item>} />
            </>
          )}

          <h4 style={{ marginTop: 16 }}>{t('meeting.timeline')}</h4>
          <Timeline
            items={m.events.map((e) => ({
              children: (
                <span>
                  {formatTime(e.createdAt)} {meetingEventLabels[locale][e.action]} {e.actorName ?? ''}
                  {e.note ? `：${e.note}` : ''}
                </span>
              ),
            }))}
          />
        </>
      )}
      {dialog && m && <StepDialog meeting={m} dialog={dialog} onClose={() => setDialog(null)} />}
    </Drawer>
  );
}

function MinutesEditor({ m, editable }: { m: MeetingView; editable: boolean }) {
  const { t } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ minutes: string; recorderName?: string; walkInCount?: number }>();
  const run = useMutation({
    mutationFn: (v: { minutes: string; recorderName?: string; walkInCount?: number }) =>
      saveMinutes(m.id, { minutes: v.minutes ?? '', recorderName: v.recorderName || null, walkInCount: v.walkInCount }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: meetingsKeys.all }),
    onError: (err) => {
      const rest = applyApiError(form, err, { minutes: t('meeting.minutes') });
      if (rest) message.error(rest);
    },
  });
  if (!editable) return <div style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</div>;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ minutes: m.minutes ?? '', recorderName: m.recorderName ?? '', walkInCount: m.walkInCount }}
      onFinish={(v) => run.mutate(v)}
    >
      <Form.Item name="minutes">
        <Input.TextArea rows={6} maxLength={20000} data-testid="meeting-minutes" />
      </Form.Item>
      <Space>
        <Form.Item name="recorderName" label={t('meeting.recorder')}>
          <Input maxLength={40} data-testid="meeting-recorder" />
        </Form.Item>
        <Form.Item name="walkInCount" label={t('meeting.walkIns')}>
          <InputNumber min={0} />
        </Form.Item>
        <Button htmlType="submit" loading={run.isPending} data-testid="meeting-save-minutes">
          {t('meeting.saveMinutes')}
        </Button>
      </Space>
    </Form>
  );
}

type Values = {
  sourceKind?: (typeof topicSourceKinds)[number];
  sourceId?: number;
  title?: string;
  detail?: string;
  note?: string;
  reason?: string;
  walkInCount?: number;
  kind?: 'resident' | 'guest';
  residentId?: number;
  name?: string;
  roleNote?: string;
  text?: string;
  ownerName?: string;
  dueOn?: Dayjs;
  categoryId?: number;
  description?: string;
  answerOnSpot?: string;
};

/** One step on the meeting, with the fields it needs. */
function StepDialog({ meeting, dialog, onClose }: { meeting: MeetingView; dialog: Dialog; onClose(): void }) {
  const { t, locale } = useT();
  const { communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const id = meeting.id;
  const categories = useQuery({
    queryKey: ['meetings', 'categories', communityId],
    queryFn: () => fetchCategories(communityId ?? undefined),
    enabled: dialog.kind === 'ticket',
  });
  const labels: Record<string, string> = {
    title: t('meeting.topicTitle'),
    sourceId: t('meeting.sourceId'),
    note: t('meeting.note'),
    reason: t('meeting.reason'),
    residentId: t('meeting.resident'),
    name: t('meeting.guestName'),
    text: dialog.kind === 'decision' ? t('meeting.decisions') : t('meeting.followUps'),
    ownerName: t('meeting.owner'),
    categoryId: t('meeting.category'),
    description: t('meeting.description'),
  };
  const run = useMutation({
    mutationFn: (v: Values) => {
      switch (dialog.kind) {
        case 'topic':
          return addTopic(id, {
            sourceKind: v.sourceKind ?? 'new',
            sourceId: v.sourceKind === 'new' ? null : (v.sourceId ?? null),
            title: v.title || null,
            detail: v.detail || null,
          });
        case 'hold':
          return holdMeeting(id, v.walkInCount);
        case 'cancel':
          return cancelMeeting(id, v.reason ?? '');
        case 'attendee':
          return addAttendee(id, {
            kind: v.kind ?? 'resident',
            residentId: v.residentId ?? null,
            name: v.name || null,
            roleNote: v.roleNote || null,
            signedIn: true,
          });
        case 'decision':
          return addDecision(id, { text: v.text ?? '' });
        case 'followUp':
          return addFollowUp(id, { text: v.text ?? '', ownerName: v.ownerName ?? '', dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null });
        case 'answer':
          return decideTopic(id, dialog.topicId, { outcome: 'answered', note: v.note ?? '' });
        case 'vote':
          return decideTopic(id, dialog.topicId, { outcome: 'vote', note: v.note || null });
        case 'defer':
          return decideTopic(id, dialog.topicId, { outcome: 'deferred', note: v.note || null });
        case 'ticket':
          return raiseTopicTicket(id, dialog.topicId, { categoryId: v.categoryId!, description: v.description ?? '', answerOnSpot: v.answerOnSpot || null });
      }
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: meetingsKeys.all });
      onClose();
    },
    onError: (err) => {
      const rest = applyApiError(form, err, labels);
      if (rest) message.error(rest);
    },
  });
  const k = dialog.kind;
  const titles: Record<Dialog['kind'], string> = {
    topic: t('meeting.addTopic'),
    hold: t('meeting.hold'),
    cancel: t('meeting.cancel'),
    attendee: t('meeting.addAttendee'),
    decision: t('meeting.addDecision'),
    followUp: t('meeting.addFollowUp'),
    answer: t('meeting.answer'),
    ticket: t('meeting.raiseTicket'),
    vote: t('meeting.toVote'),
    defer: t('meeting.defer'),
  };
  const sourceKind = Form.useWatch('sourceKind', form);
  const attendeeKind = Form.useWatch('kind', form);
  return (
    <Modal
      open
      title={'topicId' in dialog ? `${titles[k]}：${dialog.title}` : titles[k]}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okButtonProps={testIdProps('meeting-step-ok')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => run.mutate(v)}
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ sourceKind: 'new', kind: 'resident', walkInCount: meeting.walkInCount }}
      >
        {k === 'topic' && (
          <>
            <Form.Item name="sourceKind" label={t('meeting.source')}>
              <Select options={topicSourceKinds.map((s) => ({ value: s, label: topicSourceLabels[locale][s] }))} data-testid="topic-source" />
            </Form.Item>
            {sourceKind && sourceKind !== 'new' && (
              <Form.Item name="sourceId" label={labels.sourceId} rules={[requiredRule(t, labels.sourceId!)]}>
                <InputNumber min={1} style={{ width: '100%' }} data-testid="topic-source-id" />
              </Form.Item>
            )}
            <Form.Item name="title" label={labels.title} rules={sourceKind === 'new' ? [requiredRule(t, labels.title!)] : []}>
              <Input maxLength={120} data-testid="topic-title" />
            </Form.Item>
            <Form.Item name="detail" label={t('meeting.detail')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {k === 'hold' && (
          <Form.Item name="walkInCount" label={t('meeting.walkIns')}>
            <InputNumber min={0} data-testid="meeting-walk-ins" />
          </Form.Item>
        )}
        {k === 'cancel' && (
          <Form.Item name="reason" label={labels.reason} rules={[requiredRule(t, labels.reason!)]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="meeting-cancel-reason" />
          </Form.Item>
        )}
        {k === 'attendee' && (
          <>
            <Form.Item name="kind" label={t('meeting.attendeeKind')}>
              <Select options={(['resident', 'guest'] as const).map((a) => ({ value: a, label: attendeeKindLabels[locale][a] }))} data-testid="attendee-kind" />
            </Form.Item>
            {attendeeKind === 'guest' ? (
              <Form.Item name="name" label={labels.name} rules={[requiredRule(t, labels.name!)]}>
                <Input maxLength={40} data-testid="attendee-name" />
              </Form.Item>
            ) : (
              <Form.Item name="residentId" label={labels.residentId} rules={[requiredRule(t, labels.residentId!, 'choose')]}>
                <ResidentPicker testId="attendee-resident" />
              </Form.Item>
            )}
            <Form.Item name="roleNote" label={t('meeting.roleNote')}>
              <Input maxLength={60} />
            </Form.Item>
          </>
        )}
        {(k === 'decision' || k === 'followUp') && (
          <Form.Item name="text" label={labels.text} rules={[requiredRule(t, labels.text!)]}>
            <Input.TextArea rows={2} maxLength={k === 'decision' ? 1000 : 500} data-testid="meeting-item-text" />
          </Form.Item>
        )}
        {k === 'followUp' && (
          <Space>
            <Form.Item name="ownerName" label={labels.ownerName} rules={[requiredRule(t, labels.ownerName!)]}>
              <Input maxLength={40} data-testid="follow-up-owner" />
            </Form.Item>
            <Form.Item name="dueOn" label={t('meeting.dueOn')}>
              <DatePicker />
            </Form.Item>
          </Space>
        )}
        {(k === 'answer' || k === 'vote' || k === 'defer') && (
          <Form.Item name="note" label={labels.note} rules={k === 'answer' ? [requiredRule(t, labels.note!)] : []}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="topic-note" />
          </Form.Item>
        )}
        {k === 'ticket' && (
          <>
            <Form.Item name="categoryId" label={labels.categoryId} rules={[requiredRule(t, labels.categoryId!, 'choose')]}>
              <Select
                options={categories.data?.items.map((c) => ({ value: c.id, label: locale === 'en' ? c.nameEn : c.nameZh }))}
                data-testid="topic-ticket-category"
              />
            </Form.Item>
            <Form.Item name="description" label={labels.description} rules={[requiredRule(t, labels.description!)]}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="topic-ticket-description" />
            </Form.Item>
            <Form.Item name="answerOnSpot" label={t('meeting.answerOnSpot')}>
              <Input.TextArea rows={2} maxLength={1000} data-testid="topic-ticket-answer" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
