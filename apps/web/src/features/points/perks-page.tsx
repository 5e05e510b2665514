import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tabs, Tag, message } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { perkStatusLabels, redemptionStatusLabels, roleCan, type Perk, type Redemption } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { createPerk, fetchPerks, fetchRedemptions, pointsKeys, updatePerk } from './api.js';
import './messages.js';

/** 积分兑换: the merchants' perks (专属优惠包) with their use, and every redemption; staff and merchants add perks. */
export function PerksPage() {
  const { t, locale } = useT();
  const { me } = useSession();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const perks = useQuery({ queryKey: pointsKeys.perks({}), queryFn: () => fetchPerks({ pageSize: 200 }) });
  const redemptions = useQuery({ queryKey: pointsKeys.redemptions({}), queryFn: () => fetchRedemptions({ pageSize: 200 }) });
  const create = useMutation({
    mutationFn: (v: {
      partnerId: number;
      title: string;
      terms?: string;
      pricePoints: number;
      stock: number;
      valid: [{ format(f: string): string }, { format(f: string): string }];
    }) =>
      createPerk({
        partnerId: v.partnerId,
        title: v.title,
        terms: v.terms ?? null,
        pricePoints: v.pricePoints,
        stock: v.stock,
        validFrom: v.valid[0].format('YYYY-MM-DD'),
        validTo: v.valid[1].format('YYYY-MM-DD'),
      }),
    onSuccess: () => (setOpen(false), form.resetFields(), qc.invalidateQueries({ queryKey: pointsKeys.all })),
    onError: (e: Error) => void message.error(e.message),
  });
  const toggle = useMutation({
    mutationFn: (p: Perk) => updatePerk(p.id, { status: p.status === 'active' ? 'paused' : 'active' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: pointsKeys.all }),
    onError: (e: Error) => void message.error(e.message),
  });
  const canWrite = roleCan(me.role, 'perks.write');
  const perkTable = (
    <Table<Perk>
      rowKey="id"
      data-testid="perks-table"
      loading={perks.isLoading}
      dataSource={perks.data?.items ?? []}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t('points.perk.title'), dataIndex: 'title' },
        { title: t('points.perk.merchant'), dataIndex: 'partnerName' },
        { title: t('points.perk.price'), dataIndex: 'pricePoints' },
        { title: t('points.perk.stock'), dataIndex: 'stock' },
        { title: t('points.perk.used'), dataIndex: 'redeemedCount' },
        { title: t('points.perk.valid'), render: (_, p) => `${p.validFrom} ~ ${p.validTo}` },
        { title: t('points.perk.status'), render: (_, p) => <Tag color={p.redeemable ? 'green' : 'default'}>{perkStatusLabels[locale][p.status]}</Tag> },
        ...(canWrite
          ? [
              {
                title: '',
                render: (_: unknown, p: Perk) =>
                  p.status !== 'withdrawn' && (
                    <Button size="small" onClick={() => toggle.mutate(p)}>
                      {p.status === 'active' ? t('points.perk.pause') : t('points.perk.resume')}
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
  const redemptionTable = (
    <Table<Redemption>
      rowKey="id"
      data-testid="redemptions-table"
      loading={redemptions.isLoading}
      dataSource={redemptions.data?.items ?? []}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t('points.redemption.at'), render: (_, r) => formatTime(r.createdAt) },
        { title: t('points.perk.title'), dataIndex: 'perkTitle' },
        { title: t('points.perk.merchant'), dataIndex: 'partnerName' },
        { title: t('points.redemption.volunteer'), dataIndex: 'volunteerName' },
        { title: t('points.perk.price'), dataIndex: 'points' },
        { title: t('points.redemption.status'), render: (_, r) => redemptionStatusLabels[locale][r.status] },
      ]}
    />
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canWrite && (
        <Button type="primary" onClick={() => setOpen(true)} data-testid="perk-new">
          {t('points.perk.new')}
        </Button>
      )}
      <Tabs
        items={[
          { key: 'perks', label: t('points.perks'), children: perkTable },
          { key: 'redemptions', label: t('points.redemptions'), children: redemptionTable },
        ]}
      />
      <Modal open={open} title={t('points.perk.new')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending}>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="partnerId" label={t('points.perk.merchantId')} rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="title" label={t('points.perk.title')} rules={[{ required: true }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="terms" label={t('points.perk.terms')}>
            <Input.TextArea maxLength={500} />
          </Form.Item>
          <Form.Item name="pricePoints" label={t('points.perk.price')} rules={[{ required: true }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="stock" label={t('points.perk.stock')} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="valid" label={t('points.perk.valid')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
