import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { channelLabels, channels, ticketStatusLabels, ticketTextLimits, type TicketDetail, type TicketStatus } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, clearErrorsOnChange } from '../../components/forms.js';
import { beijingInstant } from '../../components/time.js';
import { fetchCompounds, placesKeys } from '../places/api.js';
import { roleCan } from '@linli/contracts/permissions';
import { createTicket, fetchAssignees, fetchCategories, fetchDuplicates, ticketsKeys } from './api.js';
import './messages.js';
import './loop-messages.js';

/** Registering a ticket at the desk, or one after another in meeting mode. */
export function IntakeModal({ mode, onClose }: { mode: 'desk' | 'meeting'; onClose(): void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const { communityId, me } = useSession();
  // Meeting mode can dispatch at the table, for those who may dispatch.
  const mayDispatch = mode === 'meeting' && roleCan(me.role, 'tickets.dispatch');
  const assignees = useQuery({ queryKey: ticketsKeys.assignees(communityId), enabled: mayDispatch, queryFn: () => fetchAssignees(communityId) });
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [count, setCount] = useState(0);
  const [dups, setDups] = useState<Array<{ id: number; code: string; title: string; status: TicketStatus; score: number }>>([]);
  const { modal } = App.useApp();
  const [handover, setHandover] = useState<(TicketDetail['handover'] & { reference: string; hasPhone: boolean }) | null>(null);
  const lookForDuplicates = async () => {
    const v = form.getFieldsValue(['title', 'description', 'compoundId', 'categoryId']) as {
      title?: string;
      description?: string;
      compoundId?: number;
      categoryId?: number;
    };
    const text = `${v.title ?? ''} ${v.description ?? ''}`.trim();
    if (!text) return setDups([]);
    const res = await fetchDuplicates({ communityId: communityId ?? undefined, text, compoundId: v.compoundId, categoryId: v.categoryId }).catch(() => ({
      items: [],
    }));
    setDups(res.items);
  };
  const cats = useQuery({ queryKey: ticketsKeys.categoriesOf(communityId), queryFn: () => fetchCategories(communityId) });
  const compounds = useQuery({ queryKey: placesKeys.compounds(communityId), queryFn: () => fetchCompounds(communityId) });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      createTicket({
        communityId,
        channel: mode === 'meeting' ? 'meeting' : v.channel,
        ...v,
        reporterPhone: v.reporterPhone || undefined,
        answerOnSpot: v.answerOnSpot || undefined,
        assigneeId: v.assigneeId || undefined,
        dueAt: v.dueAt ? beijingInstant((v.dueAt as Dayjs).format('YYYY-MM-DD HH:mm')) : undefined,
      }),
    onSuccess: (ticket, v) => {
      setCount((n) => n + 1);
      void qc.invalidateQueries({ queryKey: ticketsKeys.all });
      const given = ticket.handover ? { ...ticket.handover, reference: ticket.code, hasPhone: Boolean(v.reporterPhone) } : null;
      if (mode === 'meeting') {
        // Keep the meeting context, clear the lead: the next one can be typed at once.
        form.setFieldsValue({ title: '', description: '', answerOnSpot: '', reporterName: '', reporterPhone: '', assigneeId: undefined, dueAt: undefined });
        setDups([]);
        setHandover(given);
      } else {
        onClose();
        if (given) modal.info({ title: t('tickets.handover'), width: 520, content: <HandoverText handover={given} />, okText: t('tickets.handoverDone') });
      }
      message.success(t('common.saved'));
    },
    onError: (err) => {
      const rest = applyApiError(form, err, {
        meetingTitle: t('tickets.meetingTitle'),
        channel: t('tickets.channel'),
        categoryId: t('tickets.category'),
        compoundId: t('tickets.compound'),
        title: t('tickets.subject'),
        description: t('tickets.description'),
        reporterName: t('tickets.reporter'),
        reporterPhone: t('tickets.reporterPhone'),
        answerOnSpot: t('tickets.answerOnSpot'),
      });
      if (rest) message.error(rest);
    },
  });
  return (
    <Modal
      open
      width={640}
      title={mode === 'meeting' ? t('tickets.meeting') : t('tickets.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={mode === 'meeting' ? t('tickets.saveNext') : t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      data-testid="intake-modal"
      footer={(orig) => (
        <Space>
          {mode === 'meeting' && <span data-testid="meeting-count">{t('tickets.registered', { n: count })}</span>}
          {orig}
        </Space>
      )}
    >
      {handover && <Alert type="success" style={{ marginBottom: 12 }} message={t('tickets.handover')} description={<HandoverText handover={handover} />} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} onValuesChange={clearErrorsOnChange(form)} initialValues={{ channel: 'walk_in' }}>
        {mode === 'meeting' ? (
          <Form.Item name="meetingTitle" label={t('tickets.meetingTitle')}>
            <Input maxLength={80} data-testid="meeting-title" />
          </Form.Item>
        ) : (
          <Form.Item name="channel" label={t('tickets.channel')}>
            <Select options={channels.filter((c) => c !== 'meeting' && c !== 'online').map((c) => ({ value: c, label: channelLabels[locale][c] }))} />
          </Form.Item>
        )}
        <Space.Compact block>
          <Form.Item name="categoryId" label={t('tickets.category')} required style={{ width: '50%' }}>
            <Select data-testid="intake-category" options={cats.data?.items.map((c) => ({ value: c.id, label: locale === 'en' ? c.nameEn : c.nameZh }))} />
          </Form.Item>
          <Form.Item name="compoundId" label={t('tickets.compound')} style={{ width: '50%' }}>
            <Select allowClear data-testid="intake-compound" options={compounds.data?.items.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="title" label={t('tickets.subject')} required>
          <Input maxLength={ticketTextLimits.title} showCount data-testid="intake-title" />
        </Form.Item>
        <Form.Item name="description" label={t('tickets.description')} required>
          <Input.TextArea
            rows={3}
            maxLength={ticketTextLimits.description}
            showCount
            data-testid="intake-description"
            onBlur={() => void lookForDuplicates()}
          />
        </Form.Item>
        {dups.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="duplicate-hints"
            message={t('tickets.similar')}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {dups.map((d) => (
                  <li key={d.id}>
                    {d.code} · {d.title} · {ticketStatusLabels[locale][d.status]}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Space.Compact block>
          <Form.Item name="reporterName" label={t('tickets.reporter')} style={{ width: '50%' }}>
            <Input maxLength={ticketTextLimits.reporterName} />
          </Form.Item>
          <Form.Item name="reporterPhone" label={t('tickets.reporterPhone')} style={{ width: '50%' }}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="answerOnSpot" label={t('tickets.answerOnSpot')}>
          <Input.TextArea rows={2} maxLength={1000} showCount data-testid="intake-answer" />
        </Form.Item>
        {mayDispatch && (
          <Space.Compact block>
            <Form.Item name="assigneeId" label={t('loop.assignNow')} style={{ width: '50%' }}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                data-testid="intake-assignee"
                options={assignees.data?.items.map((a) => ({ value: a.id, label: a.displayName }))}
              />
            </Form.Item>
            <Form.Item name="dueAt" label={t('loop.dueAt')} style={{ width: '50%' }}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                disabledDate={(day) => day.isBefore(dayjs(), 'day')}
                data-testid="intake-due"
              />
            </Form.Item>
          </Space.Compact>
        )}
      </Form>
    </Modal>
  );
}

/** What staff hand a resident they registered for: the tracking code and the link with its key (shown once). */
function HandoverText({ handover }: { handover: { reference: string; trackingCode: string; link: string; hasPhone: boolean } }) {
  const { t } = useT();
  const link = `${location.origin}${handover.link}`;
  return (
    <div data-testid="intake-handover">
      <p>
        {t('tickets.code')}：{handover.reference}
      </p>
      <p>
        {t('tickets.handoverCode')}：
        <Typography.Text copyable strong data-testid="handover-code">
          {handover.trackingCode}
        </Typography.Text>
      </p>
      <p>
        {t('tickets.handoverLink')}：
        <Typography.Text copyable={{ text: link }} data-testid="handover-link">
          {link}
        </Typography.Text>
      </p>
      <Typography.Text type="secondary">{t(handover.hasPhone ? 'tickets.handoverHelp' : 'tickets.handoverHelpNoPhone')}</Typography.Text>
    </div>
  );
}
