import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { webhookFormats, type Webhook } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, testIdProps } from '../../components/forms.js';
import { createWebhook, integrationsKeys, updateWebhook } from './api.js';
import './webhook-messages.js';

type WebhookFormat = Webhook['format'];

interface WebhookValues {
  name: string;
  format: WebhookFormat;
  url: string;
  secret?: string;
  clearSecret?: boolean;
}

/** Create or edit; the secret is write-only: blank keeps it, the checkbox removes it. */
export function WebhookForm({ hook, onClose }: { hook?: Webhook; onClose(): void }) {
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
