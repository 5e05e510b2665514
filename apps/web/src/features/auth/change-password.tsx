import { App, Form, Input, Modal } from 'antd';
import { useT } from '../../lib/i18n.js';
import { applyApiError, clearErrorsOnChange } from '../../components/forms.js';
import { changePassword } from './api.js';

export function ChangePassword({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  return (
    <Modal
      open={open}
      title={t('header.changePassword')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clearErrorsOnChange(form)}
        onFinish={async (v) => {
          try {
            await changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
            message.success(t('password.changed'));
            onClose();
          } catch (err) {
            const rest = applyApiError(form, err);
            if (rest) message.error(rest);
          }
        }}
      >
        <Form.Item name="currentPassword" label={t('password.current')}>
          <Input.Password data-testid="password-current" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} extra={t('password.hint')}>
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
