import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { attendeeKindLabels, topicSourceKinds, topicSourceLabels } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, clearErrorsOnChange, requiredRule, testIdProps } from '../../components/forms.js';
import { ResidentPicker } from '../places/pickers.js';
import { fetchCategories } from '../tickets/api.js';
import {
  addAttendee,
  addDecision,
  addFollowUp,
  addTopic,
  cancelMeeting,
  decideTopic,
  holdMeeting,
  meetingsKeys,
  raiseTopicTicket,
  type MeetingView,
} from './api.js';
import './messages.js';

export type MeetingDialog =
  | { kind: 'topic' | 'attendee' | 'decision' | 'followUp' | 'cancel' | 'hold' }
  | { kind: 'answer' | 'ticket' | 'vote' | 'defer'; topicId: number; title: string };

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
export function StepDialog({ meeting, dialog, onClose }: { meeting: MeetingView; dialog: MeetingDialog; onClose(): void }) {
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
  const titles: Record<MeetingDialog['kind'], string> = {
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
