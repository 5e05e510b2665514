import { useState } from 'react';
import { App, Button, Form, Input, Modal, Tag } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roleCan, roleLabels, roles, type Account, type Role } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, clearErrorsOnChange } from '../../components/forms.js';
import { formatTime } from '../../components/time.js';
import { EntityPage, type FieldDef } from '../../components/entity-page.js';
import { accountsApi, peopleKeys, resetPassword, unlockAccount } from './api.js';

/** Roles an account manager may hand out: admins any, a secretary only the roles of a community. */
function assignableRoles(mine: Role): readonly Role[] {
  if (mine === 'system_admin') return roles;
  return roles.filter((r) => r !== 'system_admin' && r !== 'subdistrict_admin');
}

export function AccountsPage() {
  const { t, locale } = useT();
  const { me, communities } = useSession();
  const [resetting, setResetting] = useState<Account | null>(null);
  const canManage = roleCan(me.role, 'accounts.manage');
  const isAdmin = me.role === 'system_admin' || me.role === 'subdistrict_admin';
  const roleOptions = assignableRoles(me.role).map((r) => ({ value: r, label: roleLabels[locale][r] }));
  const communityName = new Map(communities.map((c) => [c.id, c.name]));
  const fields: FieldDef[] = [
    { name: 'username', label: t('accounts.username'), createOnly: true, required: true },
    { name: 'displayName', label: t('accounts.displayName'), required: true },
    { name: 'role', label: t('accounts.role'), kind: 'select', options: roleOptions, required: true },
    { name: 'password', label: t('accounts.password'), kind: 'password', createOnly: true, required: true },
    { name: 'phone', label: t('accounts.phone'), createOnly: true },
    ...(isAdmin
      ? [
          {
            name: 'communityId',
            label: t('accounts.community'),
            kind: 'select',
            createOnly: true,
            options: communities.map((c) => ({ value: c.id, label: c.name })),
          } as FieldDef,
        ]
      : []),
    { name: 'isActive', label: t('accounts.active'), kind: 'switch', editOnly: true },
  ];
  return (
    <>
      <EntityPage<Account & { archivedAt?: null }>
        title={t('nav.accounts')}
        api={accountsApi}
        testId="accounts"
        canWrite={canManage}
        createLabel={t('accounts.new')}
        scoped={!isAdmin}
        createExtra={{}}
        filters={[
          { name: 'role', placeholder: t('accounts.role'), options: roleOptions },
          {
            name: 'isActive',
            placeholder: t('accounts.active'),
            options: [
              { value: 'true', label: t('accounts.enabled') },
              { value: 'false', label: t('accounts.disabled') },
            ],
          },
          ...(isAdmin
            ? [{ name: 'communityId', placeholder: t('accounts.community'), options: communities.map((c) => ({ value: String(c.id), label: c.name })) }]
            : []),
        ]}
        rowActions={(row) =>
          canManage && (
            <>
              <Button size="small" type="link" onClick={() => setResetting(row)} data-testid={`accounts-reset-${row.id}`}>
                {t('accounts.resetPassword')}
              </Button>
              {row.lockedUntil && <UnlockButton account={row} />}
            </>
          )
        }
        columns={[
          { title: t('accounts.username'), dataIndex: 'username', key: 'username', sorter: true },
          { title: t('accounts.displayName'), dataIndex: 'displayName', key: 'displayName', sorter: true },
          { title: t('accounts.role'), dataIndex: 'role', key: 'role', sorter: true, render: (r: Role) => roleLabels[locale][r] },
          { title: t('accounts.community'), dataIndex: 'communityId', render: (id: number | null) => (id ? (communityName.get(id) ?? id) : '') },
          { title: t('accounts.phone'), dataIndex: 'phoneMasked' },
          {
            title: t('accounts.active'),
            dataIndex: 'isActive',
            render: (v: boolean, row: Account) => (
              <>
                {v ? <Tag color="green">{t('accounts.enabled')}</Tag> : <Tag>{t('accounts.disabled')}</Tag>}
                {row.lockedUntil && (
                  <Tag color="red" data-testid={`accounts-locked-${row.id}`}>
                    {t('accounts.lockedUntil', { time: formatTime(locale, row.lockedUntil, 'compact') })}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t('accounts.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: (v: string) => v.slice(0, 10) },
        ]}
        fields={fields}
      />
      {resetting && <ResetPassword account={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}

function ResetPassword({ account, onClose }: { account: Account; onClose(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const reset = useMutation({
    mutationFn: (v: { newPassword: string }) => resetPassword(account.id, v),
    onSuccess: () => {
      message.success(t('password.changed'));
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
      title={`${t('accounts.resetPassword')} · ${account.displayName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={(v) => reset.mutate(v)}>
        <Form.Item name="newPassword" label={t('accounts.newPassword')} extra={t('password.hint')}>
          <Input.Password autoComplete="new-password" data-testid="accounts-new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Lifts the lock that failed logins put on an account (the API audits it). */
function UnlockButton({ account }: { account: Account }) {
  const { t } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const unlock = useMutation({
    mutationFn: () => unlockAccount(account.id),
    onSuccess: () => {
      message.success(t('accounts.unlocked'));
      void qc.invalidateQueries({ queryKey: peopleKeys.accounts });
    },
    onError: (err) => message.error(err.message),
  });
  return (
    <Button size="small" type="link" loading={unlock.isPending} onClick={() => unlock.mutate()} data-testid={`accounts-unlock-${account.id}`}>
      {t('accounts.unlock')}
    </Button>
  );
}
