import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { departmentTypeLabels, organisationKindLabels, roleCan } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError } from '../../components/forms.js';
import { createEscalation, escalationsKeys, fetchEscalations, fetchServingOrganisations, requestEscalation } from './api.js';
import { EscalationCard } from './escalation-card.js';
import './messages.js';

/**
 * The escalations of one ticket, for the ticket drawer: each with its organisation, deadline and exchanges, and the
 * "escalate" button (staff send it; a grid worker asks and the secretary approves). Offered while the ticket is open.
 */
export function TicketEscalations({ ticket }: { ticket: { id: number; communityId: number; status: string } }) {
  const { t } = useT();
  const { me } = useSession();
  const [open, setOpen] = useState(false);
  const list = useQuery({ queryKey: escalationsKeys.ofTicket(ticket.id), queryFn: () => fetchEscalations({ ticketId: ticket.id, pageSize: 50 }) });
  const mayAsk = roleCan(me.role, 'escalations.create') || roleCan(me.role, 'escalations.request');
  const ticketOpen = !['resolved', 'closed', 'rejected', 'merged'].includes(ticket.status);
  return (
    <div data-testid="ticket-escalations" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>
        {t('esc.onTicket')}{' '}
        {mayAsk && ticketOpen && (
          <Button size="small" onClick={() => setOpen(true)} data-testid="esc-open-dialog">
            {roleCan(me.role, 'escalations.create') ? t('esc.escalate') : t('esc.request')}
          </Button>
        )}
      </Typography.Title>
      {(list.data?.items ?? []).map((e) => (
        <EscalationCard key={e.id} e={e} />
      ))}
      {open && <EscalateDialog ticket={ticket} onClose={() => setOpen(false)} />}
    </div>
  );
}

function EscalateDialog({ ticket, onClose }: { ticket: { id: number; communityId: number }; onClose(): void }) {
  const { t, locale } = useT();
  const { me } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const chosen = Form.useWatch('organisationId', form) as number | undefined;
  const orgs = useQuery({ queryKey: escalationsKeys.serving(ticket.communityId), queryFn: () => fetchServingOrganisations(ticket.communityId) });
  const options = useMemo(
    () =>
      (orgs.data?.items ?? []).map((o) => ({
        value: o.id,
        label: `${o.name}（${o.departmentType ? departmentTypeLabels[locale][o.departmentType] : organisationKindLabels[locale][o.kind]}）`,
      })),
    [orgs.data, locale],
  );
  const days = orgs.data?.items.find((o) => o.id === chosen)?.defaultWorkdays;
  const send = useMutation({
    mutationFn: (v: { organisationId: number; reason: string; dueAt?: Dayjs }) => {
      const body = { ticketId: ticket.id, organisationId: v.organisationId, reason: v.reason, dueAt: v.dueAt ? v.dueAt.format() : undefined };
      return roleCan(me.role, 'escalations.create') ? createEscalation(body) : requestEscalation(body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: escalationsKeys.all });
      void qc.invalidateQueries({ queryKey: ['tickets'] });
      onClose();
    },
    onError: (err) => {
      const rest = applyApiError(form, err);
      if (rest) message.error(rest);
    },
  });
  return (
    <Modal
      open
      title={t('esc.escalateTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={send.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)}>
        <Form.Item
          name="organisationId"
          label={t('esc.organisation')}
          rules={[{ required: true, message: t('esc.required', { field: t('esc.organisation') }) }]}
        >
          <Select showSearch optionFilterProp="label" options={options} data-testid="esc-organisation" />
        </Form.Item>
        <Form.Item name="dueAt" label={t('esc.due')} extra={days ? t('esc.dueHelp', { n: days }) : t('esc.dueDefault')}>
          <DatePicker showTime style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="esc-due" />
        </Form.Item>
        <Form.Item name="reason" label={t('esc.reason')} rules={[{ required: true, message: t('esc.required', { field: t('esc.reason') }) }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="esc-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
