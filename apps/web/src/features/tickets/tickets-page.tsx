import { useState } from 'react';
import { Badge, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { channelLabels, inboxViews, ticketStatusLabels, ticketStatuses, type InboxView, type Ticket, type TicketStatus } from '@linli/contracts';
import { useSearchParams } from 'react-router';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { TicketStatusTag } from '../../components/ticket-status-tag.js';
import { fetchTasks, fetchTickets, ticketsKeys } from './api.js';
import { IntakeModal } from './ticket-intake.js';
import { TicketDrawer } from './ticket-drawer.js';
import './messages.js';
import './loop-messages.js';

export function TicketsPage() {
  const { t, locale } = useT();
  const { communityId } = useSession();
  // The overview's inbox opens the list filtered by one of its views (?inbox=overdue): the server filters.
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('inbox');
  const inbox = (inboxViews as readonly string[]).includes(fromUrl ?? '') ? (fromUrl as InboxView) : undefined;
  const [filters, setFilters] = useState<{ status?: string; overdue?: string; mine?: string; q?: string; page: number }>({ page: 1 });
  const [openId, setOpenId] = useState<number | null>(null);
  const [intake, setIntake] = useState<'desk' | 'meeting' | null>(null);
  const list = useQuery({
    queryKey: ticketsKeys.list(communityId, { ...filters, inbox }),
    queryFn: () =>
      fetchTickets({
        communityId: communityId ?? undefined,
        ...(filters as Omit<typeof filters, 'status'> & { status?: TicketStatus; overdue?: 'true'; mine?: 'true' }),
        inbox,
        pageSize: 20,
      }),
    placeholderData: (p) => p,
  });
  const tasks = useQuery({ queryKey: ticketsKeys.tasks, queryFn: fetchTasks });
  const time = formatTime;
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
        {inbox && (
          <Tag closable onClose={() => setParams({})} data-testid="inbox-filter">
            {t('loop.inboxFilter', { name: t(`loop.inbox.${inbox}`) })}
          </Tag>
        )}
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
