import { useState } from 'react';
import { Alert, App, Badge, Image, Button, Card, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  channelLabels,
  channels,
  ratingLabels,
  roleLabels,
  type Role,
  ratings,
  ticketStatusLabels,
  ticketStatuses,
  type Ticket,
  type TicketDetail,
  type TicketStatus,
} from '@linli/contracts';
import { ticketActionLabel, type TicketAction } from '@linli/contracts/labels';
import { registerMessages, useT, type Keys } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError } from '../../components/forms.js';
import { formatTime } from '../../components/time.js';
import { TicketStatusTag } from '../../components/ticket-status-tag.js';
import { fetchCompounds, placesKeys } from '../places/api.js';
import { fetchPartnerOptions, partnersKeys } from '../partners/api.js';
import {
  actOnTicket,
  createTicket,
  fetchAssignees,
  fetchCategories,
  fetchDuplicates,
  fetchTasks,
  fetchTicket,
  fetchTickets,
  ticketPhotoUrl,
  ticketsKeys,
} from './api.js';

const _texts = registerMessages(
  {
    'tickets.title': '诉求工单',
    'tickets.new': '登记诉求',
    'tickets.meeting': '议事会模式',
    'tickets.code': '编号',
    'tickets.status': '状态',
    'tickets.category': '类别',
    'tickets.channel': '渠道',
    'tickets.subject': '诉求',
    'tickets.compound': '小区',
    'tickets.assignee': '承办',
    'tickets.created': '提出时间',
    'tickets.due': '办结时限',
    'tickets.overdue': '超期',
    'tickets.mine': '只看我的',
    'tickets.description': '诉求内容',
    'tickets.reporter': '诉求人',
    'tickets.reporterPhone': '联系电话',
    'tickets.anonymous': '匿名',
    'tickets.result': '办理结果',
    'tickets.timeline': '办理过程',
    'tickets.note': '说明',
    'tickets.answerOnSpot': '现场答复（填写即办结）',
    'tickets.meetingTitle': '会议名称',
    'tickets.saveNext': '登记并继续下一条',
    'tickets.registered': '已登记 {n} 条',
    'tickets.tasks': '我的任务',
    'tickets.handover': '请把查询码和链接交给居民',
    'tickets.handoverDone': '已交给居民',
    'tickets.handoverCode': '查询码',
    'tickets.handoverLink': '查询链接',
    'tickets.handoverHelp': '居民凭链接可补充情况、评价办理结果；没有链接时，凭查询码和所留手机号后四位也可以。此信息只显示这一次。',
    'tickets.handoverHelpNoPhone': '没有留手机号，居民只能凭这个链接补充情况、评价办理结果，请一定交给居民。此信息只显示这一次。',
    'tickets.assignTo': '派给',
    'tickets.defaultAssignee': '留空则派给本类别的默认承办：{name}',
    'tickets.noDefaultAssignee': '本类别没有默认承办，请选择承办人',
    'tickets.gridWorker': '所在网格的网格员',
    'tickets.photos': '照片',
    'tickets.similar': '可能是重复诉求，可登记后合并：',
    'tickets.partner': '部门/单位',
    'tickets.rating': '满意度',
    'tickets.mergeInto': '合并到工单编号（ID）',
  },
  {
    'tickets.title': 'Tickets',
    'tickets.new': 'Register',
    'tickets.meeting': 'Meeting mode',
    'tickets.code': 'Code',
    'tickets.status': 'Status',
    'tickets.category': 'Category',
    'tickets.channel': 'Channel',
    'tickets.subject': 'Subject',
    'tickets.compound': 'Compound',
    'tickets.assignee': 'Assignee',
    'tickets.created': 'Raised',
    'tickets.due': 'Due',
    'tickets.overdue': 'Overdue',
    'tickets.mine': 'Mine only',
    'tickets.description': 'Description',
    'tickets.reporter': 'Reporter',
    'tickets.reporterPhone': 'Contact phone',
    'tickets.anonymous': 'Anonymous',
    'tickets.result': 'Result',
    'tickets.timeline': 'Timeline',
    'tickets.note': 'Note',
    'tickets.answerOnSpot': 'Answer on the spot (resolves it)',
    'tickets.meetingTitle': 'Meeting',
    'tickets.saveNext': 'Register and next',
    'tickets.registered': '{n} registered',
    'tickets.tasks': 'My tasks',
    'tickets.handover': 'Give the resident this code and link',
    'tickets.handoverDone': 'Done',
    'tickets.handoverCode': 'Tracking code',
    'tickets.handoverLink': 'Tracking link',
    'tickets.handoverHelp':
      'With the link the resident can add information and rate the result; without it, the code and the last four digits of the phone they left. Shown only this once.',
    'tickets.handoverHelpNoPhone':
      'No phone was left, so only this link lets the resident add information and rate the result: be sure to hand it over. Shown only this once.',
    'tickets.assignTo': 'Assign to',
    'tickets.defaultAssignee': "Leave empty to assign to the category's default: {name}",
    'tickets.noDefaultAssignee': 'This category has no default assignee: choose one',
    'tickets.gridWorker': 'the grid worker of its grid',
    'tickets.photos': 'Photos',
    'tickets.similar': 'Possibly the same as these open tickets (merge after registering):',
    'tickets.partner': 'Department / partner',
    'tickets.rating': 'Rating',
    'tickets.mergeInto': 'Merge into ticket ID',
  },
);
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

const actionsFor: Record<TicketStatus, TicketAction[]> = {
  submitted: ['accept', 'answer_on_spot', 'reject', 'merge'],
  accepted: ['assign', 'answer_on_spot', 'reject', 'merge'],
  assigned: ['start', 'return', 'assign', 'merge'],
  in_progress: ['resolve', 'escalate', 'merge'],
  escalated: ['respond', 'merge'],
  resolved: ['rate', 'close', 'reopen'],
  closed: ['reopen'],
  rejected: [],
  merged: [],
};

export function TicketsPage() {
  const { t, locale } = useT();
  const { communityId } = useSession();
  const [filters, setFilters] = useState<{ status?: string; overdue?: string; mine?: string; q?: string; page: number }>({ page: 1 });
  const [openId, setOpenId] = useState<number | null>(null);
  const [intake, setIntake] = useState<'desk' | 'meeting' | null>(null);
  const list = useQuery({
    queryKey: ticketsKeys.list(communityId, filters),
    queryFn: () =>
      fetchTickets({
        communityId: communityId ?? undefined,
        ...(filters as Omit<typeof filters, 'status'> & { status?: TicketStatus; overdue?: 'true'; mine?: 'true' }),
        pageSize: 20,
      }),
    placeholderData: (p) => p,
  });
  const tasks = useQuery({ queryKey: ticketsKeys.tasks, queryFn: fetchTasks });
  const time = (s: string) => formatTime(locale, s, 'short');
  return (
    <Card
      title={t('tickets.title')}
      extra={
        <Space>
          <Badge count={tasks.data?.badge ?? 0}>
            <Button onClick={() => setFilters({ page: 1, mine: 'true' })} data-testid="my-tasks">
              {t('tickets.tasks')}
            </Button>
          </Badge>
          <Button onClick={() => setIntake('meeting')} data-testid="meeting-mode">
            {t('tickets.meeting')}
          </Button>
          <Button type="primary" onClick={() => setIntake('desk')} data-testid="new-ticket">
            {t('tickets.new')}
          </Button>
        </Space>
      }
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          placeholder={`${t('tickets.code')} / ${t('tickets.subject')}`}
          onSearch={(q) => setFilters((f) => ({ ...f, q, page: 1 }))}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder={t('tickets.status')}
          style={{ width: 140 }}
          value={filters.status}
          onChange={(status) => setFilters((f) => ({ ...f, status, page: 1 }))}
          options={ticketStatuses.map((s) => ({ value: s, label: ticketStatusLabels[locale][s] }))}
        />
        <Select
          allowClear
          placeholder={t('tickets.overdue')}
          style={{ width: 120 }}
          value={filters.overdue}
          onChange={(overdue) => setFilters((f) => ({ ...f, overdue, page: 1 }))}
          options={[{ value: 'true', label: t('tickets.overdue') }]}
        />
        {filters.mine && (
          <Tag closable onClose={() => setFilters((f) => ({ ...f, mine: undefined }))}>
            {t('tickets.mine')}
          </Tag>
        )}
      </Space>
      <Table<Ticket>
        data-testid="tickets-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        rowClassName={(r) => (r.isOverdue ? 'ticket-overdue' : '')}
        pagination={{
          current: filters.page,
          pageSize: 20,
          total: list.data?.total,
          onChange: (page) => setFilters((f) => ({ ...f, page })),
          showTotal: (n) => t('common.total', { n }),
        }}
        columns={[
          { title: t('tickets.code'), dataIndex: 'code', width: 140 },
          {
            title: t('tickets.subject'),
            dataIndex: 'title',
            render: (v, r) => (
              <>
                {v} {r.isOverdue && <Tag color="red">{t('tickets.overdue')}</Tag>}
              </>
            ),
          },
          { title: t('tickets.category'), dataIndex: 'categoryName' },
          { title: t('tickets.channel'), dataIndex: 'channel', render: (c: Ticket['channel']) => channelLabels[locale][c] },
          { title: t('tickets.compound'), dataIndex: 'compoundName' },
          { title: t('tickets.status'), dataIndex: 'status', render: (s: TicketStatus) => <TicketStatusTag status={s} /> },
          { title: t('tickets.assignee'), dataIndex: 'assigneeName' },
          { title: t('tickets.created'), dataIndex: 'createdAt', render: time },
          {
            title: t('tickets.due'),
            dataIndex: 'resolutionDueAt',
            render: (v, r) => <span style={{ color: r.isOverdue ? '#cf1322' : undefined }}>{time(v)}</span>,
          },
        ]}
      />
      {openId !== null && <TicketDrawer id={openId} onClose={() => setOpenId(null)} />}
      {intake && <IntakeModal mode={intake} onClose={() => setIntake(null)} />}
    </Card>
  );
}

function IntakeModal({ mode, onClose }: { mode: 'desk' | 'meeting'; onClose(): void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const { communityId } = useSession();
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
      }),
    onSuccess: (ticket, v) => {
      setCount((n) => n + 1);
      void qc.invalidateQueries({ queryKey: ticketsKeys.all });
      const given = ticket.handover ? { ...ticket.handover, reference: ticket.code, hasPhone: Boolean(v.reporterPhone) } : null;
      if (mode === 'meeting') {
        // Keep the meeting context, clear the lead: the next one can be typed at once.
        form.setFieldsValue({ title: '', description: '', answerOnSpot: '', reporterName: '', reporterPhone: '' });
        setDups([]);
        setHandover(given);
      } else {
        onClose();
        if (given) modal.info({ title: t('tickets.handover'), width: 520, content: <HandoverText handover={given} />, okText: t('tickets.handoverDone') });
      }
      message.success(t('common.saved'));
    },
    onError: (err) => {
      const rest = applyApiError(form, err);
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
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ channel: 'walk_in' }}>
        {mode === 'meeting' ? (
          <Form.Item name="meetingTitle" label={t('tickets.meetingTitle')}>
            <Input data-testid="meeting-title" />
          </Form.Item>
        ) : (
          <Form.Item name="channel" label={t('tickets.channel')}>
            <Select options={channels.filter((c) => c !== 'meeting' && c !== 'online').map((c) => ({ value: c, label: channelLabels[locale][c] }))} />
          </Form.Item>
        )}
        <Space.Compact block>
          <Form.Item name="categoryId" label={t('tickets.category')} style={{ width: '50%' }}>
            <Select data-testid="intake-category" options={cats.data?.items.map((c) => ({ value: c.id, label: locale === 'en' ? c.nameEn : c.nameZh }))} />
          </Form.Item>
          <Form.Item name="compoundId" label={t('tickets.compound')} style={{ width: '50%' }}>
            <Select allowClear data-testid="intake-compound" options={compounds.data?.items.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="title" label={t('tickets.subject')}>
          <Input data-testid="intake-title" />
        </Form.Item>
        <Form.Item name="description" label={t('tickets.description')}>
          <Input.TextArea rows={3} data-testid="intake-description" onBlur={() => void lookForDuplicates()} />
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
            <Input />
          </Form.Item>
          <Form.Item name="reporterPhone" label={t('tickets.reporterPhone')} style={{ width: '50%' }}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="answerOnSpot" label={t('tickets.answerOnSpot')}>
          <Input.TextArea rows={2} data-testid="intake-answer" />
        </Form.Item>
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

function TicketDrawer({ id, onClose }: { id: number; onClose(): void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const { communityId } = useSession();
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
  const run = useMutation({
    mutationFn: (v: Record<string, unknown>) => actOnTicket(id, action!, v),
    onSuccess: () => {
      setAction(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ticketsKeys.all });
    },
    onError: (err) => {
      const rest = applyApiError(form, err);
      if (rest) message.error(rest);
    },
  });
  const d = q.data;
  const time = (s: string | null) => (s ? formatTime(locale, s) : '');
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
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('tickets.status')}>
              <TicketStatusTag status={d.status} testId="ticket-status" />
              {d.isOverdue && <Tag color="red">{t('tickets.overdue')}</Tag>}
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
            {d.photoIds.length > 0 && (
              <Descriptions.Item label={t('tickets.photos')}>
                <Image.PreviewGroup>
                  {d.photoIds.map((pid) => (
                    <Image key={pid} width={72} height={72} style={{ objectFit: 'cover' }} src={ticketPhotoUrl(d.id, pid)} />
                  ))}
                </Image.PreviewGroup>
              </Descriptions.Item>
            )}
            {d.resultText && <Descriptions.Item label={t('tickets.result')}>{d.resultText}</Descriptions.Item>}
            {d.rating && <Descriptions.Item label={t('tickets.rating')}>{ratingLabels[locale][d.rating]}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('tickets.timeline')}
          </Typography.Title>
          <Timeline
            data-testid="ticket-timeline"
            items={d.events.map((e) => ({
              children: (
                <div>
                  <b>{ticketActionLabel(locale, e.action)}</b> {e.actorName && <span style={{ color: '#888' }}>{e.actorName}</span>}{' '}
                  <span style={{ color: '#aaa' }}>{time(e.createdAt)}</span>
                  {e.note && <div>{e.note}</div>}
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
        <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
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
          {action === 'escalate' && (
            <Form.Item name="partnerId" label={t('tickets.partner')}>
              <Select options={partners.data?.items.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          )}
          {(action === 'rate' || action === 'close') && (
            <Form.Item name="rating" label={t('tickets.rating')}>
              <Select options={ratings.map((r) => ({ value: r, label: ratingLabels[locale][r] }))} />
            </Form.Item>
          )}
          {action === 'merge' && (
            <Form.Item name="mergeIntoId" label={t('tickets.mergeInto')} getValueFromEvent={(e) => Number(e.target.value) || undefined}>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('tickets.note')}>
            <Input.TextArea rows={3} data-testid="action-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
