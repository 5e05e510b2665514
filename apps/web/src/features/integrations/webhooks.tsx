import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { webhookFormats, type Webhook, type WebhookDelivery as Delivery } from '@linli/contracts';
import { beijingText } from '@linli/contracts/time';
import { keyFromData, registerMessages, useT, type Keys } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, testIdProps } from '../../components/forms.js';
import { createWebhook, fetchDeliveries, fetchWebhooks, integrationsKeys, resumeWebhook, updateWebhook } from './api.js';

const _texts = registerMessages(
  {
    'webhooks.title': '消息推送（群机器人 / Webhook）',
    'webhooks.intro': '诉求登记和每次办理进展会自动推送到这里设置的地址；发送失败会在 30 秒、2 分钟、10 分钟、1 小时、6 小时后重试。只能推送到公网地址。',
    'webhooks.health': '状态',
    'webhooks.ok': '正常',
    'webhooks.failing': '连续失败 {count} 次',
    'webhooks.paused': '已暂停',
    'webhooks.resume': '恢复',
    'webhooks.resumeConfirm': '恢复推送“{name}”？暂停期间积压的消息会重新发送。',
    'webhooks.resumed': '已恢复“{name}”',
    'webhooks.pausedBanner': '{count} 个推送因接收地址持续出错已暂停，暂停期间不再发送：{names}。请确认地址可用后点击“恢复”。',
    'webhooks.pauseReason.consecutive_failures': '连续 10 次发送失败',
    'webhooks.pauseReason.failing_for_an_hour': '连续失败超过 1 小时',
    'webhooks.pauseReason.address_refused': '地址指向本机或内网，已拒绝发送',
    'webhooks.lastError': '最近错误：{error}',
    'webhooks.new': '新增推送',
    'webhooks.edit': '编辑推送',
    'webhooks.name': '名称',
    'webhooks.nameHint': '如：金港城工作群',
    'webhooks.nameRequired': '请填写名称',
    'webhooks.format': '格式',
    'webhooks.url': '推送地址',
    'webhooks.secret': '签名密钥',
    'webhooks.secretSet': '已设置',
    'webhooks.secretUnset': '未设置',
    'webhooks.secretKeep': '已设置密钥，出于安全不再显示；留空表示不修改。',
    'webhooks.clearSecret': '清除已设置的密钥',
    'webhooks.active': '启用',
    'webhooks.log': '推送记录',
    'webhooks.none': '还没有设置推送',
    'webhooks.turnedOn': '已启用“{name}”',
    'webhooks.turnedOff': '已停用“{name}”',
    'webhooks.format.json': '通用 JSON',
    'webhooks.format.wecom': '企业微信群机器人',
    'webhooks.format.dingtalk': '钉钉群机器人',
    'webhooks.format.feishu': '飞书群机器人',
    'webhooks.urlHint.json': '您的系统接收推送的地址（http 或 https）',
    'webhooks.urlHint.wecom': '企业微信群 → 群机器人 → 复制 Webhook 地址（https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…）',
    'webhooks.urlHint.dingtalk': '钉钉群 → 智能群助手 → 自定义机器人 → 复制 Webhook 地址（https://oapi.dingtalk.com/robot/send?access_token=…）',
    'webhooks.urlHint.feishu': '飞书群 → 设置 → 群机器人 → 自定义机器人 → 复制 Webhook 地址（https://open.feishu.cn/open-apis/bot/v2/hook/…）',
    'webhooks.secretHint.json': '可选。设置后每次推送带 X-Linli-Signature: sha256=…（HMAC-SHA256 签名），接收方可据此验证来源。',
    'webhooks.secretHint.wecom': '企业微信群机器人不使用签名密钥，可留空。',
    'webhooks.secretHint.dingtalk': '机器人安全设置选“加签”时，填写以 SEC 开头的密钥。',
    'webhooks.secretHint.feishu': '机器人安全设置开启“签名校验”时，填写该密钥。',
    'deliveries.title': '推送记录 · {name}',
    'deliveries.refresh': '刷新',
    'deliveries.time': '时间',
    'deliveries.event': '事件',
    'deliveries.event.ticket.created': '新诉求',
    'deliveries.event.ticket.transitioned': '诉求进展',
    'deliveries.result': '结果',
    'deliveries.status.delivered': '已送达',
    'deliveries.status.pending': '等待重试',
    'deliveries.status.queued': '待发送',
    'deliveries.status.failed': '已放弃',
    'deliveries.httpStatus': 'HTTP 状态',
    'deliveries.attempts': '尝试次数',
    'deliveries.nextAttempt': '下次重试',
    'deliveries.error': '错误',
    'deliveries.none': '还没有推送记录',
    'deliveries.latest': '显示最近 100 条',
  },
  {
    'webhooks.title': 'Notifications (group bots / webhooks)',
    'webhooks.intro':
      'Each new ticket and each step on it is posted to these addresses; failed posts are retried after 30 s, 2 min, 10 min, 1 h and 6 h. Only public addresses can receive posts.',
    'webhooks.health': 'Health',
    'webhooks.ok': 'OK',
    'webhooks.failing': 'Failed {count} times in a row',
    'webhooks.paused': 'Paused',
    'webhooks.resume': 'Resume',
    'webhooks.resumeConfirm': 'Resume "{name}"? Posts queued while it was paused will be sent.',
    'webhooks.resumed': '"{name}" is resumed',
    'webhooks.pausedBanner':
      '{count} webhook(s) paused because the receiving address keeps failing; nothing is sent to them until resumed: {names}. Check the address, then click "Resume".',
    'webhooks.pauseReason.consecutive_failures': '10 failed posts in a row',
    'webhooks.pauseReason.failing_for_an_hour': 'Failing for more than an hour',
    'webhooks.pauseReason.address_refused': 'The address points to this server or a private network; refused',
    'webhooks.lastError': 'Last error: {error}',
    'webhooks.new': 'New webhook',
    'webhooks.edit': 'Edit webhook',
    'webhooks.name': 'Name',
    'webhooks.nameHint': 'e.g. Staff group chat',
    'webhooks.nameRequired': 'Enter a name',
    'webhooks.format': 'Format',
    'webhooks.url': 'URL',
    'webhooks.secret': 'Signing secret',
    'webhooks.secretSet': 'Set',
    'webhooks.secretUnset': 'Not set',
    'webhooks.secretKeep': 'A secret is set and is never shown again; leave blank to keep it.',
    'webhooks.clearSecret': 'Remove the secret',
    'webhooks.active': 'Active',
    'webhooks.log': 'Delivery log',
    'webhooks.none': 'No webhooks yet',
    'webhooks.turnedOn': '"{name}" is on',
    'webhooks.turnedOff': '"{name}" is off',
    'webhooks.format.json': 'Generic JSON',
    'webhooks.format.wecom': 'WeCom group bot',
    'webhooks.format.dingtalk': 'DingTalk group bot',
    'webhooks.format.feishu': 'Feishu group bot',
    'webhooks.urlHint.json': 'The address of your system that receives the posts (http or https)',
    'webhooks.urlHint.wecom': 'WeCom group → Group bots → copy the webhook URL (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…)',
    'webhooks.urlHint.dingtalk': 'DingTalk group → Group assistant → Custom bot → copy the webhook URL (https://oapi.dingtalk.com/robot/send?access_token=…)',
    'webhooks.urlHint.feishu': 'Feishu group → Settings → Bots → Custom bot → copy the webhook URL (https://open.feishu.cn/open-apis/bot/v2/hook/…)',
    'webhooks.secretHint.json': 'Optional. When set, each post carries X-Linli-Signature: sha256=… (HMAC-SHA256) so the receiver can check where it came from.',
    'webhooks.secretHint.wecom': 'WeCom group bots use no signing secret; leave it blank.',
    'webhooks.secretHint.dingtalk': 'If the bot\'s security setting is "signature", enter its secret (starts with SEC).',
    'webhooks.secretHint.feishu': 'If the bot has "signature verification" on, enter its secret.',
    'deliveries.title': 'Delivery log · {name}',
    'deliveries.refresh': 'Refresh',
    'deliveries.time': 'Time',
    'deliveries.event': 'Event',
    'deliveries.event.ticket.created': 'New ticket',
    'deliveries.event.ticket.transitioned': 'Ticket step',
    'deliveries.result': 'Result',
    'deliveries.status.delivered': 'Delivered',
    'deliveries.status.pending': 'Retrying',
    'deliveries.status.queued': 'Queued',
    'deliveries.status.failed': 'Given up',
    'deliveries.httpStatus': 'HTTP status',
    'deliveries.attempts': 'Attempts',
    'deliveries.nextAttempt': 'Next retry',
    'deliveries.error': 'Error',
    'deliveries.none': 'Nothing delivered yet',
    'deliveries.latest': 'The latest 100 are shown',
  },
);
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

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

interface WebhookValues {
  name: string;
  format: WebhookFormat;
  url: string;
  secret?: string;
  clearSecret?: boolean;
}

/** Create or edit; the secret is write-only: blank keeps it, the checkbox removes it. */
function WebhookForm({ hook, onClose }: { hook?: Webhook; onClose(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const { communityId } = useSession();
  const qc = useQueryClient();
  const [form] = Form.useForm<WebhookValues>();
  const format = Form.useWatch('format', form) ?? hook?.format ?? 'wecom';
  const clearing = Form.useWatch('clearSecret', form);
  const save = useMutation({
    mutationFn: (v: WebhookValues) => {
      const secret = v.secret?.trim() ? v.secret.trim() : undefined;
      const body = { name: v.name, format: v.format, url: v.url?.trim() ?? '', ...(v.clearSecret ? { secret: null } : secret ? { secret } : {}) };
      return hook ? updateWebhook(hook.id, body) : createWebhook({ communityId, ...body });
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: integrationsKeys.webhooks });
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
      width={620}
      title={hook ? t('webhooks.edit') : t('webhooks.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={testIdProps('webhook-save')}
      destroyOnHidden
    >
      <Form<WebhookValues>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        data-testid="webhook-form"
        initialValues={hook ? { name: hook.name, format: hook.format, url: hook.url } : { format: 'wecom' }}
      >
        <Form.Item name="name" label={t('webhooks.name')} rules={[{ required: true, whitespace: true, message: t('webhooks.nameRequired') }]}>
          <Input maxLength={60} placeholder={t('webhooks.nameHint')} data-testid="webhook-name" />
        </Form.Item>
        <Form.Item name="format" label={t('webhooks.format')}>
          <Select data-testid="webhook-format" options={webhookFormats.map((f) => ({ value: f, label: t(`webhooks.format.${f}`) }))} />
        </Form.Item>
        <Form.Item name="url" label={t('webhooks.url')} extra={t(`webhooks.urlHint.${format}`)}>
          <Input data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="secret" label={t('webhooks.secret')} extra={hook?.hasSecret ? t('webhooks.secretKeep') : t(`webhooks.secretHint.${format}`)}>
          <Input.Password autoComplete="new-password" disabled={!!clearing} data-testid="webhook-secret" />
        </Form.Item>
        {hook?.hasSecret && (
          <Form.Item name="clearSecret" valuePropName="checked" style={{ marginTop: -8 }}>
            <Checkbox data-testid="webhook-clear-secret">{t('webhooks.clearSecret')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function deliveryState(d: Delivery): { key: 'delivered' | 'failed' | 'queued' | 'pending'; color: string } {
  if (d.status === 'delivered') return { key: 'delivered', color: 'green' };
  if (d.status === 'failed') return { key: 'failed', color: 'red' };
  return d.attempts === 0 ? { key: 'queued', color: 'default' } : { key: 'pending', color: 'orange' };
}

/** The latest deliveries of one webhook, refreshed while open so a retry shows up without reloading. */
function DeliveriesDrawer({ hook, onClose }: { hook: Webhook; onClose(): void }) {
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
