import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Radio, Select, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { commitmentStateLabels, followUpStatuses, type CommitmentState, type SecretarySession, type SessionItem } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, testIdProps } from '../../components/forms.js';
import { fetchCategories } from '../tickets/api.js';
import { addItem, answerItem, escalateItem, fetchEscalations, followUpItem, sessionsKeys } from './api.js';
import './messages.js';

const stateColors: Record<CommitmentState, string> = { none: 'default', open: 'blue', overdue: 'red', kept: 'green', broken: 'volcano' };

export function CommitmentTag({ state }: { state: CommitmentState }) {
  const { locale } = useT();
  return (
    <Tag color={stateColors[state]} data-testid="commitment-state">
      {commitmentStateLabels[locale][state]}
    </Tag>
  );
}

/** Shared by the three dialogs: send, refresh every sessions query, put field errors under their fields. */
function useSend<T>(send: (v: T) => Promise<unknown>, form: ReturnType<typeof Form.useForm>[0], onDone: () => void) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: sessionsKeys.all });
      onDone();
    },
    onError: (err) => {
      const rest = applyApiError(form, err);
      if (rest) message.error(rest);
    },
  });
}

/** The department's answer and, optionally, its commitment with the promised date. */
export function AnswerDialog({ item, onClose }: { item: SessionItem; onClose(): void }) {
  const { t } = useT();
  const [form] = Form.useForm();
  const run = useSend(
    (v: { answer: string; commitment?: string; promisedOn?: Dayjs }) =>
      answerItem(item.id, { answer: v.answer, commitment: v.commitment || null, promisedOn: v.promisedOn ? v.promisedOn.format('YYYY-MM-DD') : null }),
    form,
    onClose,
  );
  return (
    <Modal
      open
      title={`${t('sessions.recordAnswer')} · ${item.organisationName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okButtonProps={testIdProps('answer-ok')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => run.mutate(v)}
        initialValues={{ answer: item.answer ?? '', commitment: item.commitment ?? '', promisedOn: item.promisedOn ? dayjs(item.promisedOn) : undefined }}
      >
        <Form.Item name="answer" label={t('sessions.answer')} rules={[{ required: true, message: t('sessions.required', { field: t('sessions.answer') }) }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="answer-text" />
        </Form.Item>
        <Form.Item name="commitment" label={t('sessions.commitment')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="answer-commitment" />
        </Form.Item>
        <Form.Item name="promisedOn" label={t('sessions.promisedOn')}>
          <DatePicker data-testid="answer-promised-on" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A follow-up of a commitment: still in progress, kept or broken, with a note. */
export function FollowUpDialog({ item, onClose }: { item: SessionItem; onClose(): void }) {
  const { t, locale } = useT();
  const [form] = Form.useForm();
  const run = useSend((v: { status: string; note: string }) => followUpItem(item.id, v), form, onClose);
  return (
    <Modal
      open
      title={`${t('sessions.followUp')} · ${item.organisationName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okButtonProps={testIdProps('follow-up-ok')}
    >
      <p>
        {item.commitment}（{t('sessions.promisedOn')}：{item.promisedOn}）
      </p>
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} initialValues={{ status: 'kept' }}>
        <Form.Item name="status" label={t('sessions.followStatus')} rules={[{ required: true }]}>
          <Radio.Group data-testid="follow-up-status">
            {followUpStatuses.map((s) => (
              <Radio.Button key={s} value={s} data-testid={`follow-up-status-${s}`}>
                {commitmentStateLabels[locale][s]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('sessions.note')} rules={[{ required: true, message: t('sessions.required', { field: t('sessions.note') }) }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="follow-up-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Brings an escalation of an attending department to the table, or records a matter raised there. */
export function AddItemDialog({ session, onClose }: { session: SecretarySession; onClose(): void }) {
  const { t } = useT();
  const { communityId } = useSession();
  const [form] = Form.useForm();
  const [source, setSource] = useState<'escalation' | 'raised'>('escalation');
  const attending = new Set(session.attendees.map((a) => a.organisationId));
  const escalations = useQuery({ queryKey: sessionsKeys.escalations(communityId), queryFn: () => fetchEscalations(session.communityId ?? communityId) });
  const brought = new Set(session.items.map((i) => i.escalationId));
  const options = (escalations.data?.items ?? [])
    .filter((e) => attending.has(e.organisationId) && !brought.has(e.id) && e.status !== 'withdrawn' && e.status !== 'requested')
    .map((e) => ({ value: e.id, label: `${e.ticketCode} ${e.ticketTitle} → ${e.organisationName}` }));
  const run = useSend(
    (v: Record<string, unknown>) =>
      addItem(
        session.id,
        source === 'escalation'
          ? { escalationId: v.escalationId, detail: v.detail || undefined }
          : { organisationId: v.organisationId, subject: v.subject, detail: v.detail || undefined },
      ),
    form,
    onClose,
  );
  return (
    <Modal
      open
      title={t('sessions.addItem')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okButtonProps={testIdProps('add-item-ok')}
    >
      <Radio.Group value={source} onChange={(e) => setSource(e.target.value as typeof source)} style={{ marginBottom: 12 }}>
        <Radio.Button value="escalation" data-testid="item-from-escalation">
          {t('sessions.fromEscalation')}
        </Radio.Button>
        <Radio.Button value="raised" data-testid="item-raised">
          {t('sessions.raisedHere')}
        </Radio.Button>
      </Radio.Group>
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
        {source === 'escalation' ? (
          <Form.Item
            name="escalationId"
            label={t('sessions.escalation')}
            rules={[{ required: true, message: t('sessions.required', { field: t('sessions.escalation') }) }]}
          >
            <Select options={options} showSearch optionFilterProp="label" loading={escalations.isLoading} data-testid="item-escalation" />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="organisationId"
              label={t('sessions.organisation')}
              rules={[{ required: true, message: t('sessions.required', { field: t('sessions.organisation') }) }]}
            >
              <Select options={session.attendees.map((a) => ({ value: a.organisationId, label: a.organisationName }))} data-testid="item-organisation" />
            </Form.Item>
            <Form.Item
              name="subject"
              label={t('sessions.subject')}
              rules={[{ required: true, message: t('sessions.required', { field: t('sessions.subject') }) }]}
            >
              <Input maxLength={120} data-testid="item-subject" />
            </Form.Item>
          </>
        )}
        <Form.Item name="detail" label={t('sessions.detail')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A matter raised at the table becomes a ticket escalated to its department (the deadline is the department's default). */
export function EscalateDialog({ item, communityId, onClose }: { item: SessionItem; communityId: number; onClose(): void }) {
  const { t, locale } = useT();
  const [form] = Form.useForm();
  const categories = useQuery({ queryKey: sessionsKeys.categories(communityId), queryFn: () => fetchCategories(communityId) });
  const run = useSend((v: { categoryId: number }) => escalateItem(item.id, v), form, onClose);
  return (
    <Modal
      open
      title={`${t('sessions.escalate')} · ${item.organisationName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okButtonProps={testIdProps('escalate-ok')}
    >
      <p>{t('sessions.escalateHelp', { name: item.organisationName })}</p>
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
        <Form.Item
          name="categoryId"
          label={t('sessions.category')}
          rules={[{ required: true, message: t('sessions.required', { field: t('sessions.category') }) }]}
        >
          <Select
            loading={categories.isLoading}
            options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: locale === 'en' ? c.nameEn : c.nameZh }))}
            data-testid="escalate-category"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
