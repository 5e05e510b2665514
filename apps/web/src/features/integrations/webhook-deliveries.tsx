import { Button, Drawer, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { type Webhook, type WebhookDelivery as Delivery } from '@linli/contracts';
import { beijingText } from '@linli/contracts/time';
import { keyFromData, useT } from '../../lib/i18n.js';
import { fetchDeliveries, integrationsKeys } from './api.js';
import './webhook-messages.js';

function deliveryState(d: Delivery): { key: 'delivered' | 'failed' | 'queued' | 'pending'; color: string } {
  if (d.status === 'delivered') return { key: 'delivered', color: 'green' };
  if (d.status === 'failed') return { key: 'failed', color: 'red' };
  return d.attempts === 0 ? { key: 'queued', color: 'default' } : { key: 'pending', color: 'orange' };
}

/** The latest deliveries of one webhook, refreshed while open so a retry shows up without reloading. */
export function DeliveriesDrawer({ hook, onClose }: { hook: Webhook; onClose(): void }) {
  const { t } = useT();
  const log = useQuery({
    queryKey: integrationsKeys.deliveries(hook.id),
    queryFn: () => fetchDeliveries(hook.id),
    refetchInterval: 5000,
  });
  return (
    <Drawer
      open
      size={960}
      onClose={onClose}
      title={t('deliveries.title', { name: hook.name })}
      data-testid="deliveries-drawer"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void log.refetch()} loading={log.isFetching} data-testid="deliveries-refresh">
          {t('deliveries.refresh')}
        </Button>
      }
    >
      <Table<Delivery>
        size="small"
        rowKey="id"
        pagination={false}
        loading={log.isLoading}
        dataSource={log.data?.items}
        data-testid="deliveries-table"
        locale={{ emptyText: t('deliveries.none') }}
        footer={log.data && log.data.items.length >= 100 ? () => t('deliveries.latest') : undefined}
        columns={[
          { title: t('deliveries.time'), dataIndex: 'createdAt', width: 140, render: (v: string) => beijingText(v) },
          { title: t('deliveries.event'), dataIndex: 'event', width: 96, render: (e: string) => t(keyFromData(`deliveries.event.${e}`)) },
          {
            title: t('deliveries.result'),
            key: 'result',
            width: 96,
            render: (_: unknown, d) => {
              const s = deliveryState(d);
              return (
                <Tag color={s.color} data-testid={`delivery-status-${d.id}`}>
                  {t(`deliveries.status.${s.key}`)}
                </Tag>
              );
            },
          },
          { title: t('deliveries.httpStatus'), dataIndex: 'lastStatusCode', width: 96, render: (c: number | null) => c ?? '—' },
          { title: t('deliveries.attempts'), dataIndex: 'attempts', width: 84 },
          {
            title: t('deliveries.nextAttempt'),
            dataIndex: 'nextAttemptAt',
            width: 140,
            render: (v: string, d) => (d.status === 'pending' ? beijingText(v) : '—'),
          },
          {
            title: t('deliveries.error'),
            dataIndex: 'lastError',
            render: (e: string | null) =>
              e ? (
                <Typography.Text type="danger" ellipsis={{ tooltip: e }} style={{ maxWidth: 260 }}>
                  {e}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Drawer>
  );
}
