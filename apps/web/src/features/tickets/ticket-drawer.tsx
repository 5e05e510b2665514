import { useState } from 'react';
import { Alert, App, DatePicker, Image, Button, Descriptions, Drawer, Form, Input, Modal, Select, Space, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { channelLabels, ratingLabels, roleCan, roleLabels, type Role, ratings, type TicketStatus } from '@linli/contracts';
import { photoStageLabels, ticketActionLabel, ticketActorText, ticketEventDetail, ticketEventNote, type TicketAction } from '@linli/contracts/labels';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, clearErrorsOnChange } from '../../components/forms.js';
import { beijingInstant } from '../../components/time.js';
import { formatTime } from '../../lib/time.js';
import { TicketStatusTag } from '../../components/ticket-status-tag.js';
import { fetchPartnerOptions, partnersKeys } from '../partners/api.js';
import { TicketEscalations } from '../escalations/pickers.js';
import { SuggestionsPanel } from '../matching/suggestions-panel.js';
import { actOnTicket, fetchAssignees, fetchCategories, fetchTicket, fetchTickets, ticketPhotoUrl, ticketsKeys } from './api.js';
import './messages.js';
import './loop-messages.js';

const actionsFor: Record<TicketStatus, TicketAction[]> = {
  submitted: ['accept', 'answer_on_spot', 'reject', 'merge'],
  accepted: ['assign', 'answer_on_spot', 'reject', 'merge'],
  assigned: ['start', 'return', 'assign', 'merge'],
  in_progress: ['resolve', 'merge'],
  escalated: ['merge'],
  resolved: ['rate', 'close', 'reopen'],
  closed: ['reopen'],
  rejected: [],
  merged: [],
  // 督办: send it back with a new dispatch, or close it as dissatisfied.
  reviewing: ['assign', 'close'],
};
/** One ticket: its details, its timeline, and the actions its status allows. */
export function TicketDrawer({ id, onClose }: { id: number; onClose(): void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const { communityId, me } = useSession();
  const qc = useQueryClient();
  const [action, setAction] = useState<TicketAction | null>(null);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ticketsKeys.detail(id), queryFn: () => fetchTicket(id) });
  const accounts = useQuery({
    queryKey: ticketsKeys.assignees(communityId),
    enabled: action === 'assign',
    queryFn: () => fetchAssignees(communityId),
  });
  const categories = useQuery({
    queryKey: ticketsKeys.categoriesOf(communityId),
    enabled: action === 'assign',
    queryFn: () => fetchCategories(communityId),
  });
  const category = categories.data?.items.find((c) => c.id === q.data?.categoryId);
  const defaultAssignee = category?.defaultAssigneeKind === 'grid_worker' ? t('tickets.gridWorker') : category?.defaultAssigneeName;
  const partners = useQuery({
    queryKey: partnersKeys.options(communityId),
    enabled: action === 'escalate',
    queryFn: () => fetchPartnerOptions(communityId),
  });
  const [mergeQuery, setMergeQuery] = useState('');
  const mergeOptions = useQuery({
    queryKey: ticketsKeys.list(communityId, { merge: mergeQuery }),
    enabled: action === 'merge',
    queryFn: () => fetchTickets({ communityId: communityId ?? undefined, q: mergeQuery || undefined, pageSize: 20 }),
  });
  const run = useMutation({
    mutationFn: ({ dueAt, ...v }: Record<string, unknown>) =>
      actOnTicket(id, action!, { ...v, ...(dueAt ? { dueAt: beijingInstant((dueAt as Dayjs).format('YYYY-MM-DD HH:mm')) } : {}) }),
    onSuccess: () => {
      setAction(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ticketsKeys.all });
    },
    onError: (err) => {
      const rest = applyApiError(form, err, {
        assigneeId: t('tickets.assignTo'),
        partnerId: t('tickets.partner'),
        rating: t('tickets.rating'),
        mergeIntoId: t('tickets.mergeInto'),
        note: t('tickets.note'),
      });
      if (rest) message.error(rest);
    },
  });
  const d = q.data;
  const time = formatTime;
  return (
    <Drawer open width={640} onClose={onClose} title={d ? `${d.code} · ${d.title}` : ''} data-testid="ticket-drawer">
      {d && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            {actionsFor[d.status].map((a) => (
              <Button key={a} onClick={() => setAction(a)} data-testid={`action-${a}`} type={a === 'resolve' || a === 'accept' ? 'primary' : 'default'}>
                {ticketActionLabel(locale, a)}
              </Button>
            ))}
          </Space>
          {d.status === 'reviewing' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('loop.review')} data-testid="ticket-review" />}
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('tickets.status')}>
              <TicketStatusTag status={d.status} testId="ticket-status" />
              {d.isOverdue && <Tag color="red">{t('tickets.overdue')}</Tag>}
              {d.isRework && (
                <Tag color="orange" data-testid="ticket-rework">
                  {t('loop.rework')}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('tickets.category')}>{d.categoryName}</Descriptions.Item>
            <Descriptions.Item label={t('tickets.channel')}>
              {channelLabels[locale][d.channel]}
              {d.meetingTitle ? ` · ${d.meetingTitle}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('tickets.compound')}>{[d.compoundName, d.buildingName, d.addressText].filter(Boolean).join(' ')}</Descriptions.Item>
            <Descriptions.Item label={t('tickets.reporter')}>
              {d.isAnonymous ? t('tickets.anonymous') : [d.reporterName, d.reporterPhoneMasked].filter(Boolean).join(' ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('tickets.description')}>{d.description}</Descriptions.Item>
            <Descriptions.Item label={t('tickets.assignee')}>{d.assigneeName}</Descriptions.Item>
            <Descriptions.Item label={t('tickets.due')}>{time(d.resolutionDueAt)}</Descriptions.Item>
            {d.dispatchDueAt && <Descriptions.Item label={t('loop.dispatchDue')}>{time(d.dispatchDueAt)}</Descriptions.Item>}
            {d.dispatchNote && <Descriptions.Item label={t('loop.instruction')}>{d.dispatchNote}</Descriptions.Item>}
            {d.photos.length > 0 && (
              <Descriptions.Item label={t('tickets.photos')}>
                <Image.PreviewGroup>
                  <Space wrap>
                    {d.photos.map((p) => (
                      <figure key={p.id} style={{ margin: 0, textAlign: 'center' }} data-testid={`photo-${p.stage ?? 'plain'}`}>
                        <Image width={72} height={72} style={{ objectFit: 'cover' }} src={ticketPhotoUrl(d.id, p.id)} />
                        {p.stage && <figcaption>{photoStageLabels[locale][p.stage]}</figcaption>}
                      </figure>
                    ))}
                  </Space>
                </Image.PreviewGroup>
              </Descriptions.Item>
            )}
            {d.resultText && <Descriptions.Item label={t('tickets.result')}>{d.resultText}</Descriptions.Item>}
            {d.rating && <Descriptions.Item label={t('tickets.rating')}>{ratingLabels[locale][d.rating]}</Descriptions.Item>}
          </Descriptions>
          <TicketEscalations ticket={d} />
          {roleCan(me.role, 'matching.read') && !['closed', 'rejected', 'merged'].includes(d.status) && <SuggestionsPanel needKind="ticket" needId={d.id} />}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('tickets.timeline')}
          </Typography.Title>
          <Timeline
            data-testid="ticket-timeline"
            items={d.events.map((e) => ({
              children: (
                <div>
                  <b>{ticketActionLabel(locale, e.action)}</b>
                  {e.rating && <Tag style={{ marginLeft: 6 }}>{ratingLabels[locale][e.rating]}</Tag>}
                  {e.photoStage && <Tag style={{ marginLeft: 6 }}>{photoStageLabels[locale][e.photoStage]}</Tag>}
                  <span style={{ color: '#888' }}>{ticketActorText(locale, e)}</span> <span style={{ color: '#aaa' }}>{time(e.createdAt)}</span>
                  {ticketEventDetail(locale, e) && <div style={{ color: '#555' }}>{ticketEventDetail(locale, e)}</div>}
                  {e.note && <div>{ticketEventNote(locale, e.action, e.note)}</div>}
                </div>
              ),
            }))}
          />
        </>
      )}
      <Modal
        open={action !== null}
        title={action ? ticketActionLabel(locale, action) : ''}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        confirmLoading={run.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        data-testid="action-modal"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} onValuesChange={clearErrorsOnChange(form)}>
          {action === 'assign' && (
            <Form.Item
              name="assigneeId"
              label={t('tickets.assignTo')}
              extra={
                <span data-testid="assignee-default">
                  {defaultAssignee ? t('tickets.defaultAssignee', { name: defaultAssignee }) : t('tickets.noDefaultAssignee')}
                </span>
              }
            >
              <Select
                data-testid="assignee-select"
                showSearch
                allowClear
                optionFilterProp="label"
                options={accounts.data?.items.map((a) => ({ value: a.id, label: `${a.displayName}（${roleLabels[locale][a.role as Role] ?? a.role}）` }))}
              />
            </Form.Item>
          )}
          {action === 'assign' && (
            <Form.Item name="dueAt" label={t('loop.dueAt')} extra={t('loop.dueAtHelp')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                disabledDate={(day) => day.isBefore(dayjs(), 'day')}
                data-testid="assign-due"
              />
            </Form.Item>
          )}
          {action === 'escalate' && (
            <Form.Item name="partnerId" label={t('tickets.partner')}>
              <Select options={partners.data?.items.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          )}
          {action === 'close' && d?.status === 'reviewing' && <Alert type="info" style={{ marginBottom: 12 }} message={t('loop.closeDissatisfied')} />}
          {(action === 'rate' || (action === 'close' && d?.status !== 'reviewing')) && (
            <Form.Item name="rating" label={t('tickets.rating')}>
              <Select options={ratings.map((r) => ({ value: r, label: ratingLabels[locale][r] }))} />
            </Form.Item>
          )}
          {action === 'merge' && (
            <Form.Item name="mergeIntoCode" label={t('loop.mergeCode')}>
              <Select
                showSearch
                data-testid="merge-code"
                placeholder={t('loop.mergeSearch')}
                filterOption={false}
                onSearch={setMergeQuery}
                options={mergeOptions.data?.items
                  .filter((x) => x.id !== id && ['submitted', 'accepted', 'assigned', 'in_progress', 'escalated'].includes(x.status))
                  .map((x) => ({ value: x.code, label: `${x.code} · ${x.title}` }))}
              />
            </Form.Item>
          )}
          <Form.Item name="note" label={action === 'assign' ? t('loop.instruction') : t('tickets.note')}>
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="action-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
