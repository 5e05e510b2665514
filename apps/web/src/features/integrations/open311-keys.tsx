import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { ApiOutlined, KeyOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IssuedOpen311Client, Open311Client } from '@linli/contracts';
import { beijingText } from '@linli/contracts/time';
import { registerMessages, useT, type Keys } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, clearErrorsOnChange, testIdProps } from '../../components/forms.js';
import { fetchOpen311Clients, integrationsKeys, issueOpen311Key, revokeOpen311Key } from './api.js';

const _texts = registerMessages(
  {
    'open311.title': 'Open311 接口（12345 热线等外部系统）',
    'open311.intro': '对接单位凭“接入编号”和自己的密钥，通过标准 Open311 GeoReport v2 接口提交和查询诉求。请为每个对接单位单独发放密钥，不再合作时吊销。',
    'open311.jurisdiction': '接入编号（jurisdiction_id）',
    'open311.discovery': '服务发现地址',
    'open311.services': '服务类别（service_code）',
    'open311.submit': '提交诉求',
    'open311.submitFields': '表单字段：api_key、jurisdiction_id、service_code、description',
    'open311.issue': '发放密钥',
    'open311.client': '对接单位',
    'open311.clientHint': '如：12345 市民热线、区网格化平台',
    'open311.clientRequired': '请填写对接单位名称',
    'open311.keyPrefix': '密钥开头',
    'open311.createdAt': '发放时间',
    'open311.state': '状态',
    'open311.active': '使用中',
    'open311.revoked': '已吊销',
    'open311.revoke': '吊销',
    'open311.revokeConfirm': '吊销“{name}”的密钥？吊销后该单位将无法再提交诉求，且不能恢复。',
    'open311.revokedDone': '已吊销“{name}”的密钥',
    'open311.issued': '已为“{name}”发放密钥',
    'open311.keyOnce': '密钥只显示这一次',
    'open311.keyOnceBody': '关闭此窗口后无法再次查看。请立即复制，并通过安全的方式交给对接单位；如果遗失，请吊销后重新发放。',
    'open311.apiKey': '密钥（api_key）',
    'open311.copied': '我已复制，关闭',
    'open311.none': '还没有发放过密钥',
  },
  {
    'open311.title': 'Open311 API (12345 hotline and other systems)',
    'open311.intro':
      'Partner systems use the jurisdiction ID and their own key to file and follow tickets through the standard Open311 GeoReport v2 API. Issue one key per partner and revoke it when the partnership ends.',
    'open311.jurisdiction': 'Jurisdiction ID (jurisdiction_id)',
    'open311.discovery': 'Discovery URL',
    'open311.services': 'Services (service_code)',
    'open311.submit': 'File a request',
    'open311.submitFields': 'Form fields: api_key, jurisdiction_id, service_code, description',
    'open311.issue': 'Issue key',
    'open311.client': 'Partner system',
    'open311.clientHint': 'e.g. 12345 city hotline, district grid platform',
    'open311.clientRequired': 'Enter the name of the partner system',
    'open311.keyPrefix': 'Key starts with',
    'open311.createdAt': 'Issued',
    'open311.state': 'Status',
    'open311.active': 'In use',
    'open311.revoked': 'Revoked',
    'open311.revoke': 'Revoke',
    'open311.revokeConfirm': 'Revoke the key of "{name}"? It can no longer file requests, and this cannot be undone.',
    'open311.revokedDone': 'The key of "{name}" is revoked',
    'open311.issued': 'Key issued for "{name}"',
    'open311.keyOnce': 'The key is shown only this once',
    'open311.keyOnceBody':
      'It cannot be seen again after you close this window. Copy it now and hand it to the partner securely; if it is lost, revoke it and issue a new one.',
    'open311.apiKey': 'Key (api_key)',
    'open311.copied': 'I have copied it, close',
    'open311.none': 'No keys issued yet',
  },
);
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

/** The Open311 keys of the community: what an integrator needs to connect, the keys issued, and revoking them. */
export function Open311Card() {
  const { t } = useT();
  const { message } = App.useApp();
  const { communityId, community } = useSession();
  const qc = useQueryClient();
  const [issuing, setIssuing] = useState(false);
  const list = useQuery({ queryKey: integrationsKeys.open311Of(communityId), queryFn: () => fetchOpen311Clients(communityId) });
  const revoke = useMutation({
    mutationFn: (c: Open311Client) => revokeOpen311Key(c.id),
    onSuccess: (_d, c) => {
      message.success(t('open311.revokedDone', { name: c.name }));
      void qc.invalidateQueries({ queryKey: integrationsKeys.open311 });
    },
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  const base = `${window.location.origin}/open311/v2`;
  const code = community?.code ?? '';
  return (
    <Card
      title={
        <Space>
          <ApiOutlined />
          {t('open311.title')}
        </Space>
      }
      extra={
        <Button type="primary" icon={<KeyOutlined />} onClick={() => setIssuing(true)} data-testid="open311-issue">
          {t('open311.issue')}
        </Button>
      }
      data-testid="open311-card"
    >
      <Typography.Paragraph type="secondary">{t('open311.intro')}</Typography.Paragraph>
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }} styles={{ label: { width: 220 } }}>
        <Descriptions.Item label={t('open311.jurisdiction')}>
          <Typography.Text code copyable data-testid="open311-jurisdiction">
            {code}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('open311.discovery')}>
          <Typography.Text copyable data-testid="open311-discovery">{`${base}/discovery.json`}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('open311.services')}>
          <Typography.Text copyable>{`${base}/services.json?jurisdiction_id=${code}`}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('open311.submit')}>
          <Typography.Text copyable={{ text: `${base}/requests.json` }}>{`POST ${base}/requests.json`}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{t('open311.submitFields')}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Table<Open311Client>
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.isFetching}
        dataSource={list.data?.items}
        data-testid="open311-table"
        locale={{ emptyText: t('open311.none') }}
        columns={[
          { title: t('open311.client'), dataIndex: 'name' },
          {
            title: t('open311.keyPrefix'),
            dataIndex: 'keyPrefix',
            render: (p: string | null) => (p ? <Typography.Text code>{`${p}…`}</Typography.Text> : '—'),
          },
          { title: t('open311.createdAt'), dataIndex: 'createdAt', render: (v: string) => beijingText(v) },
          {
            title: t('open311.state'),
            dataIndex: 'isActive',
            render: (v: boolean, c) => (
              <Tag color={v ? 'green' : 'default'} data-testid={`open311-state-${c.id}`}>
                {v ? t('open311.active') : t('open311.revoked')}
              </Tag>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, c) =>
              c.isActive && (
                <Popconfirm
                  title={t('open311.revokeConfirm', { name: c.name })}
                  onConfirm={() => revoke.mutateAsync(c).catch(() => undefined)}
                  okText={t('open311.revoke')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true, ...testIdProps('open311-revoke-confirm') }}
                >
                  <Button size="small" type="link" danger data-testid={`open311-revoke-${c.id}`}>
                    {t('open311.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {issuing && <IssueKeyModal code={code} onClose={() => setIssuing(false)} />}
    </Card>
  );
}

/** Asks for the partner's name, then shows the new key once, with the details an integrator needs beside it. */
function IssueKeyModal({ code, onClose }: { code: string; onClose(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const { communityId } = useSession();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const [issued, setIssued] = useState<IssuedOpen311Client | null>(null);
  const issue = useMutation({
    mutationFn: (v: { name: string }) => issueOpen311Key(communityId, v.name),
    onSuccess: (c) => {
      setIssued(c);
      message.success(t('open311.issued', { name: c.name }));
      void qc.invalidateQueries({ queryKey: integrationsKeys.open311 });
    },
    onError: (err) => {
      const rest = applyApiError(form, err);
      if (rest) message.error(rest);
    },
  });
  if (issued) {
    return (
      <Modal
        open
        width={640}
        title={t('open311.issued', { name: issued.name })}
        onCancel={onClose}
        maskClosable={false}
        destroyOnHidden
        footer={
          <Button type="primary" onClick={onClose} data-testid="open311-key-close">
            {t('open311.copied')}
          </Button>
        }
      >
        <Alert
          type="warning"
          showIcon
          title={t('open311.keyOnce')}
          description={t('open311.keyOnceBody')}
          style={{ marginBottom: 16 }}
          data-testid="open311-key-warning"
        />
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('open311.apiKey')}>
            <Typography.Text code copyable strong style={{ fontSize: 15 }} data-testid="open311-new-key">
              {issued.apiKey}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="jurisdiction_id">
            <Typography.Text code copyable>
              {code}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('open311.discovery')}>
            <Typography.Text copyable>{`${window.location.origin}/open311/v2/discovery.json`}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Modal>
    );
  }
  return (
    <Modal
      open
      title={t('open311.issue')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={issue.isPending}
      destroyOnHidden
      okText={t('open311.issue')}
      cancelText={t('common.cancel')}
      okButtonProps={testIdProps('open311-issue-save')}
    >
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={(v) => issue.mutate(v)} data-testid="open311-issue-form">
        <Form.Item
          name="name"
          label={t('open311.client')}
          extra={t('open311.clientHint')}
          rules={[{ required: true, whitespace: true, message: t('open311.clientRequired') }]}
        >
          <Input maxLength={60} data-testid="open311-issue-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
