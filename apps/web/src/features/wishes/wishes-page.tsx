import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  roleCan,
  wishCategories,
  wishCategoryLabels,
  wishSourceLabels,
  wishSources,
  wishStatuses,
  wishStatusLabels,
  type Wish,
  type WishListQuery,
  type WishStatus,
} from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { fetchWishes, wishesKeys } from './api.js';
import { RecordWishDialog, WishDrawer } from './wish-drawer.js';
import './messages.js';

export const statusColor: Record<WishStatus, string> = {
  draft: 'gold',
  published: 'blue',
  claimed: 'cyan',
  fulfilled: 'green',
  confirmed: 'success',
  withdrawn: 'default',
  expired: 'default',
};

/** 微心愿: the community's wishes, filtered, sorted and paged by the server; a row opens its drawer. */
export function WishesPage() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const [q, setQ] = useState<Partial<WishListQuery>>({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<number | null>(null);
  const [recording, setRecording] = useState(false);
  const query = { ...q, communityId: communityId ?? undefined };
  const list = useQuery({ queryKey: wishesKeys.list(query), queryFn: () => fetchWishes(query) });
  const set = (patch: Partial<WishListQuery>) => setQ((old) => ({ ...old, ...patch, page: patch.page ?? 1 }));
  return (
    <Card
      title={t('wish.title')}
      extra={
        roleCan(me.role, 'wishes.record') && (
          <Button type="primary" onClick={() => setRecording(true)} data-testid="wish-new">
            {t('wish.new')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('wish.search')} onSearch={(v) => set({ q: v || undefined })} style={{ width: 220 }} data-testid="wish-search" />
        <Select
          allowClear
          placeholder={t('wish.status')}
          style={{ width: 130 }}
          onChange={(v) => set({ status: v })}
          options={wishStatuses.map((s) => ({ value: s, label: wishStatusLabels[locale][s] }))}
          data-testid="wish-filter-status"
        />
        <Select
          allowClear
          placeholder={t('wish.source')}
          style={{ width: 150 }}
          onChange={(v) => set({ source: v })}
          options={wishSources.map((s) => ({ value: s, label: wishSourceLabels[locale][s] }))}
        />
        <Select
          allowClear
          placeholder={t('wish.category')}
          style={{ width: 130 }}
          onChange={(v) => set({ category: v })}
          options={wishCategories.map((s) => ({ value: s, label: wishCategoryLabels[locale][s] }))}
        />
      </Space>
      <Table<Wish>
        rowKey="id"
        size="small"
        data-testid="wishes-table"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: q.page, pageSize: q.pageSize, total: list.data?.total ?? 0, onChange: (page, pageSize) => set({ page, pageSize }) }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          set({ sort: s?.order ? (s.columnKey as WishListQuery['sort']) : undefined, order: s?.order === 'ascend' ? 'asc' : 'desc', page: q.page });
        }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('wish.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: (d: string) => formatTime(d) },
          { title: t('wish.resident'), dataIndex: 'residentName' },
          { title: t('wish.compound'), dataIndex: 'compoundName' },
          { title: t('wish.text'), dataIndex: 'text', ellipsis: true },
          { title: t('wish.category'), dataIndex: 'category', render: (c: Wish['category']) => (c ? wishCategoryLabels[locale][c] : '') },
          { title: t('wish.value'), dataIndex: 'value', key: 'value', sorter: true },
          { title: t('wish.source'), dataIndex: 'source', render: (s: Wish['source']) => wishSourceLabels[locale][s] },
          { title: t('wish.dueOn'), dataIndex: 'dueOn', key: 'dueOn', sorter: true },
          { title: t('wish.claimCount'), dataIndex: 'claimCount' },
          {
            title: t('wish.status'),
            dataIndex: 'status',
            key: 'status',
            sorter: true,
            render: (s: WishStatus) => <Tag color={statusColor[s]}>{wishStatusLabels[locale][s]}</Tag>,
          },
        ]}
      />
      {open !== null && <WishDrawer id={open} onClose={() => setOpen(null)} />}
      {recording && <RecordWishDialog onClose={() => setRecording(false)} />}
    </Card>
  );
}
