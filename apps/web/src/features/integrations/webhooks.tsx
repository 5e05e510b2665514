import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Webhook } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, testIdProps } from '../../components/forms.js';
import { fetchWebhooks, integrationsKeys, resumeWebhook, updateWebhook } from './api.js';
import { WebhookForm } from './webhook-form.js';
import { DeliveriesDrawer } from './webhook-deliveries.js';
import './webhook-messages.js';

type WebhookFormat = Webhook['format'];
const formatColor: Record<WebhookFormat, string> = { json: 'default', wecom: 'green', dingtalk: 'blue', feishu: 'cyan' };

/** The community's webhooks: their health, turning them on and off, editing them and reading their delivery log. */
export function WebhooksCard() {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const { communityId } = useSession();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [logOf, setLogOf] = useState<Webhook | null>(null);
  const list = useQuery({ queryKey: integrationsKeys.webhooksOf(communityId), queryFn: () => fetchWebhooks(communityId) });
  const resume = useMutation({
    mutationFn: (hook: Webhook) => resumeWebhook(hook.id),
    onSuccess: (w) => {
      message.success(t('webhooks.resumed', { name: w.name }));
      void qc.invalidateQueries({ queryKey: integrationsKeys.webhooks });
    },
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  const paused = (list.data?.items ?? []).filter((w) => w.pausedAt);
  const toggle = useMutation({
    mutationFn: ({ hook, isActive }: { hook: Webhook; isActive: boolean }) => updateWebhook(hook.id, { isActive }),
    onSuccess: (w) => {
      message.success(t(w.isActive ? 'webhooks.turnedOn' : 'webhooks.turnedOff', { name: w.name }));
      void qc.invalidateQueries({ queryKey: integrationsKeys.webhooks });
    },
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  return (
    <Card
      title={
        <Space>
          <SendOutlined />
          {t('webhooks.title')}
        </Space>
      }
      extra={
        <Button type="primary" onClick={() => setEditing('new')} data-testid="webhooks-new">
          {t('webhooks.new')}
        </Button>
      }
      data-testid="webhooks-card"
    >
      <Typography.Paragraph type="secondary">{t('webhooks.intro')}</Typography.Paragraph>
      {paused.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="webhooks-paused-banner"
          title={t('webhooks.pausedBanner', { count: paused.length, names: paused.map((w) => `“${w.name}”`).join('、') })}
        />
      )}
      <Table<Webhook>
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.isFetching}
        dataSource={list.data?.items}
        data-testid="webhooks-table"
        locale={{ emptyText: t('webhooks.none') }}
        columns={[
          { title: t('webhooks.name'), dataIndex: 'name' },
          { title: t('webhooks.format'), dataIndex: 'format', render: (f: WebhookFormat) => <Tag color={formatColor[f]}>{t(`webhooks.format.${f}`)}</Tag> },
          {
            title: t('webhooks.url'),
            dataIndex: 'url',
            render: (u: string) => (
              <Typography.Text ellipsis={{ tooltip: u }} style={{ maxWidth: locale === 'en' ? 300 : 340 }}>
                {u}
              </Typography.Text>
            ),
          },
          {
            title: t('webhooks.secret'),
            dataIndex: 'hasSecret',
            render: (v: boolean) => (v ? t('webhooks.secretSet') : <Typography.Text type="secondary">{t('webhooks.secretUnset')}</Typography.Text>),
          },
          {
            title: t('webhooks.health'),
            key: 'health',
            render: (_: unknown, w) => <WebhookHealth hook={w} onResume={() => resume.mutateAsync(w).catch(() => undefined)} />,
          },
          {
            title: t('webhooks.active'),
            dataIndex: 'isActive',
            render: (v: boolean, w) => (
              <Switch
                checked={v}
                size="small"
                loading={toggle.isPending && toggle.variables?.hook.id === w.id}
                onChange={(isActive) => toggle.mutate({ hook: w, isActive })}
                data-testid={`webhook-active-${w.id}`}
              />
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 190,
            render: (_: unknown, w) => (
              <Space size="small">
                <Button size="small" type="link" onClick={() => setEditing(w)} data-testid={`webhook-edit-${w.id}`}>
                  {t('common.edit')}
                </Button>
                <Button size="small" type="link" onClick={() => setLogOf(w)} data-testid={`webhook-log-${w.id}`}>
                  {t('webhooks.log')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <WebhookForm hook={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {logOf && <DeliveriesDrawer hook={logOf} onClose={() => setLogOf(null)} />}
    </Card>
  );
}

/** The breaker's view of a webhook: OK, failing n times in a row, or paused with its reason and a resume button. */
function WebhookHealth({ hook, onResume }: { hook: Webhook; onResume(): Promise<unknown> }) {
  const { t } = useT();
  const detail = [hook.pauseReason && t(`webhooks.pauseReason.${hook.pauseReason}`), hook.lastError && t('webhooks.lastError', { error: hook.lastError })]
    .filter(Boolean)
    .join('；');
  if (hook.pausedAt) {
    return (
      <Space size="small" data-testid={`webhook-health-${hook.id}`}>
        <Tooltip title={detail}>
          <Tag color="red">{t('webhooks.paused')}</Tag>
        </Tooltip>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hook.pauseReason && t(`webhooks.pauseReason.${hook.pauseReason}`)}
        </Typography.Text>
        <Popconfirm
          title={t('webhooks.resumeConfirm', { name: hook.name })}
          onConfirm={onResume}
          okText={t('webhooks.resume')}
          cancelText={t('common.cancel')}
          okButtonProps={testIdProps(`webhook-resume-confirm-${hook.id}`)}
        >
          <Button size="small" type="link" data-testid={`webhook-resume-${hook.id}`}>
            {t('webhooks.resume')}
          </Button>
        </Popconfirm>
      </Space>
    );
  }
  if (hook.consecutiveFailures > 0) {
    return (
      <Tooltip title={detail}>
        <Tag color="orange" data-testid={`webhook-health-${hook.id}`}>
          {t('webhooks.failing', { count: hook.consecutiveFailures })}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tag color="green" data-testid={`webhook-health-${hook.id}`}>
      {t('webhooks.ok')}
    </Tag>
  );
}
