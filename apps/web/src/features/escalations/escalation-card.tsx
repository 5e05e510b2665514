import { useRef, useState } from 'react';
import { App, Button, Descriptions, Form, Image, Input, Modal, Space, Tag, Timeline } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { escalationReplyLabels, escalationStatusLabels, roleCan, type Escalation, type EscalationReplyKind } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError } from '../../components/forms.js';
import { formatTime } from '../../components/time.js';
import { approveEscalation, escalationPhotoUrl, escalationsKeys, replyToEscalation, uploadEscalationPhotos, withdrawEscalation } from './api.js';
import './messages.js';

const statusColor: Record<Escalation['status'], string> = {
  requested: 'gold',
  pending: 'blue',
  accepted: 'cyan',
  info_requested: 'orange',
  answered: 'green',
  declined: 'red',
  withdrawn: 'default',
};

export function EscalationStatusTag({ e }: { e: Pick<Escalation, 'status' | 'overdue'> }) {
  const { t, locale } = useT();
  return (
    <Space size={4}>
      <Tag color={statusColor[e.status]} data-testid="escalation-status">
        {escalationStatusLabels[locale][e.status]}
      </Tag>
      {e.overdue && <Tag color="red">{t('esc.overdue')}</Tag>}
    </Space>
  );
}

type Act = EscalationReplyKind | 'approve' | 'withdraw';
const open = (s: Escalation['status']) => ['pending', 'accepted', 'info_requested'].includes(s);

/** What this account may do with this escalation: the organisation's contact replies; community staff approve, supply and withdraw. */
function actsFor(e: Escalation, role: string, organisationId: number | null, subdistrictOffice: boolean): Act[] {
  const own = organisationId === e.organisationId || subdistrictOffice;
  const acts: Act[] = [];
  if (own && (e.status === 'pending' || e.status === 'info_requested')) acts.push('accept');
  if (own && (e.status === 'pending' || e.status === 'accepted')) acts.push('ask_info');
  if (own && open(e.status)) acts.push('answer', 'decline');
  const staff = roleCan(role as never, 'escalations.create');
  if (staff && e.status === 'requested') acts.push('approve');
  if (staff && e.status === 'info_requested') acts.push('info');
  if (staff && (open(e.status) || e.status === 'requested') && e.parentId == null) acts.push('withdraw');
  return acts;
}

/** One escalation: where it went, its deadline, every exchange, and the actions the reader may take. */
export function EscalationCard({ e, organisationId }: { e: Escalation; organisationId?: number | null }) {
  const { t, locale } = useT();
  const { me } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [act, setAct] = useState<Act | null>(null);
  const [form] = Form.useForm();
  const photos = useRef<HTMLInputElement>(null);
  const office = me.role === 'subdistrict_admin' && e.organisationKind === 'subdistrict_office';
  const acts = actsFor(e, me.role, organisationId ?? null, office);
  const run = useMutation({
    mutationFn: async (v: { text?: string; dueAt?: string }) => {
      if (act === 'approve') return approveEscalation(e.id, { note: v.text || null });
      if (act === 'withdraw') return withdrawEscalation(e.id, v.text ?? '');
      if (act === 'answer') await uploadEscalationPhotos(e.id, Array.from(photos.current?.files ?? []));
      return replyToEscalation(e.id, { kind: act, text: v.text || null });
    },
    onSuccess: () => {
      setAct(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: escalationsKeys.all });
      void qc.invalidateQueries({ queryKey: ['tickets'] });
    },
    onError: (err) => {
      const rest = applyApiError(form, err);
      if (rest) message.error(rest);
    },
  });
  const time = (s: string | null) => (s ? formatTime(locale, s) : '');
  const label = (a: Act) =>
    a === 'approve' ? t('esc.approve') : a === 'withdraw' ? t('esc.withdraw') : a === 'info' ? t('esc.supplyInfo') : t(`esc.reply.${a}`);
  const textLabel =
    act === 'decline' ? t('esc.declineText') : act === 'answer' ? t('esc.answerText') : act === 'withdraw' ? t('esc.withdrawReason') : t('esc.replyText');
  return (
    <div data-testid={`escalation-${e.id}`} style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('esc.organisation')}>
          <Space>
            <b data-testid="escalation-organisation">{e.organisationName}</b>
            <EscalationStatusTag e={e} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('esc.ticket')}>
          {e.ticketCode} · {e.ticketTitle}
          {e.ticketAddress ? ` · ${e.ticketAddress}` : ''}
        </Descriptions.Item>
        {e.ticketDescription && <Descriptions.Item label={t('esc.description')}>{e.ticketDescription}</Descriptions.Item>}
        <Descriptions.Item label={t('esc.reason')}>{e.reason}</Descriptions.Item>
        <Descriptions.Item label={t('esc.due')}>{time(e.dueAt)}</Descriptions.Item>
        {e.responseHours != null && <Descriptions.Item label={t('esc.responseHours')}>{e.responseHours}</Descriptions.Item>}
        {e.resultText && <Descriptions.Item label={t('esc.result')}>{e.resultText}</Descriptions.Item>}
        {e.children.length > 0 && (
          <Descriptions.Item label={t('esc.departments')}>
            <Space wrap>
              {e.children.map((c) => (
                <span key={c.id}>
                  {c.organisationName} <EscalationStatusTag e={c} />
                </span>
              ))}
            </Space>
          </Descriptions.Item>
        )}
        {e.photoIds.length > 0 && (
          <Descriptions.Item label={t('esc.photos')}>
            <Image.PreviewGroup>
              {e.photoIds.map((pid) => (
                <Image key={pid} width={64} height={64} style={{ objectFit: 'cover' }} src={escalationPhotoUrl(e.id, pid)} />
              ))}
            </Image.PreviewGroup>
          </Descriptions.Item>
        )}
      </Descriptions>
      {e.replies.length > 0 && (
        <Timeline
          style={{ marginTop: 12 }}
          items={e.replies.map((r) => ({
            children: (
              <div>
                <b>{escalationReplyLabels[locale][r.kind]}</b> {r.organisationName ?? r.actorName} <span style={{ color: '#aaa' }}>{time(r.createdAt)}</span>
                {r.text && <div>{r.text}</div>}
              </div>
            ),
          }))}
        />
      )}
      <Space wrap style={{ marginTop: 8 }}>
        {acts.map((a) => (
          <Button key={a} size="small" type={a === 'answer' || a === 'approve' ? 'primary' : 'default'} onClick={() => setAct(a)} data-testid={`esc-act-${a}`}>
            {label(a)}
          </Button>
        ))}
      </Space>
      <Modal
        open={act !== null}
        title={act ? label(act) : ''}
        onCancel={() => setAct(null)}
        onOk={() => (act === 'accept' ? run.mutate({}) : form.submit())}
        confirmLoading={run.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        {act !== 'accept' && (
          <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
            <Form.Item name="text" label={textLabel} rules={act === 'approve' ? [] : [{ required: true, message: t('esc.required', { field: textLabel }) }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="esc-text" />
            </Form.Item>
            {act === 'answer' && (
              <Form.Item label={t('esc.photos')}>
                <input ref={photos} type="file" accept="image/jpeg,image/png" multiple data-testid="esc-photos" />
              </Form.Item>
            )}
          </Form>
        )}
      </Modal>
    </div>
  );
}
