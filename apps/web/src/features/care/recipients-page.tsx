import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { careQualifyingTags, careTierLabels, careTiers, roleCan, tagLabels, type CareRecipient, type CreateCareRecipientInput } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { applyApiError, requiredRule } from '../../components/forms.js';
import { ResidentPicker } from '../places/pickers.js';
import { careKeys, createRecipient, fetchRecipients } from './api.js';
import { RecipientDrawer } from './recipient-drawer.js';
import './messages.js';

const tierColor = { high: 'red', key: 'orange', general: 'blue' } as const;

/** 关爱对象: who the community cares for, their tier, when the next visit is due; a row opens pairings and visits. */
export function CareRecipientsPage() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const [tier, setTier] = useState<CareRecipient['tier'] | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const filters = { communityId: communityId ?? undefined, tier, overdue: overdue ? ('true' as const) : undefined, q: q || undefined, page, pageSize: 20 };
  const list = useQuery({ queryKey: careKeys.recipients(filters), queryFn: () => fetchRecipients(filters) });
  const time = (s: string | null) => (s ? formatTime(s) : '');
  return (
    <Card
      title={t('nav.careRecipients')}
      extra={
        <Space>
          <Input.Search allowClear placeholder={t('care.search')} onSearch={(v) => (setQ(v.trim()), setPage(1))} style={{ width: 180 }} />
          <Select
            allowClear
            placeholder={t('care.tier')}
            style={{ width: 120 }}
            value={tier}
            onChange={(v) => (setTier(v), setPage(1))}
            options={careTiers.map((x) => ({ value: x, label: careTierLabels[locale][x] }))}
          />
          <span>
            {t('care.onlyOverdue')} <Switch checked={overdue} onChange={(v) => (setOverdue(v), setPage(1))} />
          </span>
          {roleCan(me.role, 'care.write') && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="care-new">
              {t('care.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<CareRecipient>
        rowKey="id"
        data-testid="care-recipients"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('care.name'), dataIndex: 'residentName' },
          { title: t('care.age'), dataIndex: 'age' },
          { title: t('care.address'), dataIndex: 'address' },
          { title: t('care.tier'), dataIndex: 'tier', render: (v: CareRecipient['tier']) => <Tag color={tierColor[v]}>{careTierLabels[locale][v]}</Tag> },
          { title: t('care.tags'), dataIndex: 'qualifyingTags', render: (v: string[]) => v.map((x) => tagLabels[locale][x] ?? x).join('、') },
          { title: t('care.pairingCount'), dataIndex: 'pairingCount' },
          { title: t('care.lastVisit'), dataIndex: 'lastVisitAt', render: time },
          {
            title: t('care.nextDue'),
            dataIndex: 'nextVisitDueAt',
            render: (v: string | null, r) => <span style={r.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{time(v)}</span>,
          },
        ]}
      />
      {adding && <AddRecipient onClose={() => setAdding(false)} />}
      {open !== null && <RecipientDrawer id={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

type AddForm = Omit<CreateCareRecipientInput, 'familyContacts'> & { familyName?: string; familyRelation?: string; familyPhone?: string };

function AddRecipient({ onClose }: { onClose: () => void }) {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddForm>();
  const qc = useQueryClient();
  const health = roleCan(me.role, 'care.health');
  const save = useMutation({
    mutationFn: (v: AddForm) => {
      const { familyName, familyRelation, familyPhone, ...rest } = v;
      return createRecipient({
        ...rest,
        communityId: communityId ?? undefined,
        ...(health && familyName ? { familyContacts: [{ name: familyName, relation: familyRelation || null, phone: familyPhone || null }] } : {}),
      });
    },
    onSuccess: () => {
      message.success(t('care.saved'));
      void qc.invalidateQueries({ queryKey: careKeys.all });
      onClose();
    },
    onError: (e) => message.error(applyApiError(form, e, { familyContacts: t('care.familyName') })),
  });
  return (
    <Modal open title={t('care.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('care.save')}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ tier: 'key' }} data-testid="care-new-form">
        <Form.Item name="residentId" label={t('care.resident')} rules={[requiredRule(t, t('care.resident'), 'choose')]}>
          <ResidentPicker testId="care-resident" />
        </Form.Item>
        <Form.Item name="tier" label={t('care.tier')} rules={[requiredRule(t, t('care.tier'), 'choose')]}>
          <Select options={careTiers.map((x) => ({ value: x, label: careTierLabels[locale][x] }))} />
        </Form.Item>
        <Form.Item name="qualifyingTags" label={t('care.tags')}>
          <Select mode="multiple" options={careQualifyingTags.map((x) => ({ value: x, label: tagLabels[locale][x] ?? x }))} />
        </Form.Item>
        <Form.Item name="carePlan" label={t('care.carePlan')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {health && (
          <>
            <Form.Item name="healthNotes" label={t('care.healthNotes')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Space>
              <Form.Item name="familyName" label={t('care.familyName')}>
                <Input maxLength={40} />
              </Form.Item>
              <Form.Item name="familyRelation" label={t('care.familyRelation')}>
                <Input maxLength={20} style={{ width: 90 }} />
              </Form.Item>
              <Form.Item name="familyPhone" label={t('care.familyPhone')}>
                <Input maxLength={11} />
              </Form.Item>
            </Space>
          </>
        )}
      </Form>
    </Modal>
  );
}
