import { useState } from 'react';
import { App, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  matchCandidateKindLabels,
  matchNeedKindLabels,
  matchOrderStatusLabels,
  matchOrderStatuses,
  roleCan,
  type MatchOrder,
  type MatchOrderStatus,
} from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { fetchOrders, matchingKeys, stepOrder } from './api.js';
import './messages.js';

/** The community's orders (派单): staff record the resident's rating (评单) of a done one, or withdraw one. */
export function MatchOrdersPage() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<MatchOrderStatus | undefined>();
  const [page, setPage] = useState(1);
  const query = { communityId: communityId ?? undefined, status, page, pageSize: 20 };
  const q = useQuery({ queryKey: matchingKeys.orders(query), queryFn: () => fetchOrders(query) });
  const step = useMutation({
    mutationFn: (v: { id: number; action: 'rate' | 'cancel'; rating?: number }) => stepOrder(v.id, { action: v.action, rating: v.rating }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: matchingKeys.all }),
    onError: (err) => message.error(err instanceof Error ? err.message : String(err)),
  });
  const canAct = roleCan(me.role, 'matching.dispatch');
  return (
    <Card title={t('matching.orders')} data-testid="match-orders">
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('matching.status')}
          value={status}
          onChange={(v) => (setStatus(v), setPage(1))}
          options={matchOrderStatuses.map((s) => ({ value: s, label: matchOrderStatusLabels[locale][s] }))}
        />
      </Space>
      <Table<MatchOrder>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, total: q.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          { title: t('matching.need'), render: (_, o) => `${matchNeedKindLabels[locale][o.needKind]}：${o.needSummary}` },
          { title: t('matching.candidate'), render: (_, o) => `${matchCandidateKindLabels[locale][o.candidateKind]}：${o.candidateName}` },
          { title: t('matching.claimant'), dataIndex: 'claimantName' },
          { title: t('matching.status'), dataIndex: 'status', render: (s: MatchOrderStatus) => <Tag>{matchOrderStatusLabels[locale][s]}</Tag> },
          { title: t('matching.sentAt'), dataIndex: 'sentAt', render: (v: string) => formatTime(v) },
          { title: t('matching.rating'), dataIndex: 'rating', render: (r: number | null) => (r ? t('matching.ratingValue', { n: r }) : '') },
          {
            title: '',
            render: (_, o) =>
              canAct && (
                <Space>
                  {o.status === 'done' && (
                    <Select
                      size="small"
                      style={{ width: 110 }}
                      placeholder={t('matching.rating')}
                      options={[5, 4, 3, 2, 1].map((n) => ({ value: n, label: t('matching.ratingValue', { n }) }))}
                      onChange={(n: number) => step.mutate({ id: o.id, action: 'rate', rating: n })}
                    />
                  )}
                  {(o.status === 'sent' || o.status === 'accepted') && (
                    <Button size="small" danger onClick={() => step.mutate({ id: o.id, action: 'cancel' })}>
                      {matchOrderStatusLabels[locale].cancelled}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
