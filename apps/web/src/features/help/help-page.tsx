import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  helpCategories,
  helpCategoryLabels,
  helpEventLabels,
  helperKindLabels,
  helpStatuses,
  helpStatusLabels,
  roleCan,
  tagLabels,
  type HelpCategory,
  type HelpNeed,
  type HelpNeedFull,
  type HelpStatus,
} from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { applyApiError, clearErrorsOnChange, requiredRule } from '../../components/forms.js';
import { ResidentPicker } from '../places/pickers.js';
import { SuggestionsPanel } from '../matching/suggestions-panel.js';
import { addHelpAction, createHelpNeed, fetchHelpNeed, fetchHelpNeedFull, fetchHelpNeeds, helpKeys, stepHelpNeed } from './api.js';
import './messages.js';

const statusColor: Record<HelpStatus, string> = { open: 'orange', in_progress: 'blue', closed: 'default' };

/** 帮扶清单: the list shows the category and a masked name; the drawer holds the rest. */
export function HelpPage() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const [status, setStatus] = useState<HelpStatus | undefined>();
  const [category, setCategory] = useState<HelpCategory | undefined>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const query = { communityId: communityId ?? undefined, status, helpCategory: category, page, pageSize: 20 };
  const q = useQuery({ queryKey: helpKeys.list(query), queryFn: () => fetchHelpNeeds(query) });
  const categories = helpCategories.map((c) => ({ value: c, label: helpCategoryLabels[locale][c] }));
  return (
    <Card
      title={t('nav.help')}
      data-testid="help-page"
      extra={
        roleCan(me.role, 'help.write') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="help-new">
            {t('help.new')}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('help.status')}
          value={status}
          onChange={(v) => (setStatus(v), setPage(1))}
          options={helpStatuses.map((s) => ({ value: s, label: helpStatusLabels[locale][s] }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('help.category')}
          value={category}
          onChange={(v) => (setCategory(v), setPage(1))}
          options={categories}
        />
      </Space>
      <Table<HelpNeed>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, total: q.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          { title: t('help.resident'), dataIndex: 'residentNameMasked' },
          { title: t('help.compound'), dataIndex: 'compoundName' },
          { title: t('help.category'), dataIndex: 'helpCategory', render: (c: HelpCategory) => helpCategoryLabels[locale][c] },
          { title: t('help.status'), dataIndex: 'status', render: (s: HelpStatus) => <Tag color={statusColor[s]}>{helpStatusLabels[locale][s]}</Tag> },
          { title: t('help.helper'), render: (_, r) => (r.helperKind ? `${helperKindLabels[locale][r.helperKind]}：${r.helperName ?? ''}` : '') },
          { title: t('help.actions'), dataIndex: 'actionCount' },
          { title: t('help.lastActed'), dataIndex: 'lastActedOn' },
        ]}
      />
      {open != null && <HelpDrawer id={open} onClose={() => setOpen(null)} />}
      {creating && <CreateHelpNeed categories={categories} onClose={() => setCreating(false)} />}
    </Card>
  );
}

function CreateHelpNeed({ categories, onClose }: { categories: { value: HelpCategory; label: string }[]; onClose(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const { communityId } = useSession();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const labels = { residentId: t('help.resident'), helpCategory: t('help.category'), request: t('help.request'), circumstances: t('help.circumstances') };
  const save = useMutation({
    mutationFn: (v: { residentId: number; helpCategory: HelpCategory; request: string; circumstances?: string }) =>
      createHelpNeed({ ...v, communityId: communityId ?? undefined, circumstances: v.circumstances || null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: helpKeys.all });
      onClose();
    },
    onError: (err) => {
      const rest = applyApiError(form, err, labels);
      if (rest) message.error(rest);
    },
  });
  return (
    <Modal open title={t('help.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name="residentId" label={labels.residentId} rules={[requiredRule(t, labels.residentId, 'choose')]}>
          <ResidentPicker testId="help-resident" />
        </Form.Item>
        <Form.Item name="helpCategory" label={labels.helpCategory} rules={[requiredRule(t, labels.helpCategory, 'choose')]}>
          <Select options={categories} />
        </Form.Item>
        <Form.Item name="request" label={labels.request} rules={[requiredRule(t, labels.request)]}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="circumstances" label={labels.circumstances}>
          <Input.TextArea rows={2} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HelpDrawer({ id, onClose }: { id: number; onClose(): void }) {
  const { t, locale } = useT();
  const { me } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [full, setFull] = useState<HelpNeedFull | null>(null);
  const q = useQuery({ queryKey: helpKeys.detail(id), queryFn: () => fetchHelpNeed(id) });
  const refresh = () => void qc.invalidateQueries({ queryKey: helpKeys.all });
  const fail = (err: unknown) => {
    const rest = applyApiError(form, err, { actedOn: t('help.actedOn'), note: t('help.note') });
    if (rest) message.error(rest);
  };
  const act = useMutation({
    mutationFn: (v: { actedOn: Dayjs; note: string }) => addHelpAction(id, { actedOn: v.actedOn.format('YYYY-MM-DD'), note: v.note }),
    onSuccess: () => (form.resetFields(), refresh()),
    onError: fail,
  });
  const step = useMutation({ mutationFn: (action: 'start' | 'close' | 'reopen') => stepHelpNeed(id, { action }), onSuccess: refresh, onError: fail });
  const showFull = useMutation({ mutationFn: () => fetchHelpNeedFull(id), onSuccess: setFull, onError: fail });
  const d = q.data;
  const canWrite = roleCan(me.role, 'help.write');
  return (
    <Drawer
      open
      width={640}
      onClose={onClose}
      title={d ? `${d.residentNameMasked} · ${helpCategoryLabels[locale][d.helpCategory]}` : ''}
      data-testid="help-drawer"
    >
      {d && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {canWrite && (
            <Space wrap>
              {d.status === 'open' && <Button onClick={() => step.mutate('start')}>{t('help.start')}</Button>}
              {d.status !== 'closed' && <Button onClick={() => step.mutate('close')}>{t('help.close')}</Button>}
              {d.status === 'closed' && <Button onClick={() => step.mutate('reopen')}>{t('help.reopen')}</Button>}
            </Space>
          )}
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('help.status')}>{helpStatusLabels[locale][d.status]}</Descriptions.Item>
            <Descriptions.Item label={t('help.compound')}>{d.compoundName}</Descriptions.Item>
            <Descriptions.Item label={t('help.helper')}>
              {d.helperKind ? `${helperKindLabels[locale][d.helperKind]}：${d.helperName ?? ''}` : ''}
            </Descriptions.Item>
            {full ? (
              <>
                <Descriptions.Item label={t('help.resident')}>{full.residentName}</Descriptions.Item>
                <Descriptions.Item label={t('help.request')}>{full.request}</Descriptions.Item>
                <Descriptions.Item label={t('help.circumstances')}>{full.circumstances}</Descriptions.Item>
                <Descriptions.Item label={t('help.basis')}>{full.basis.map((b) => tagLabels[locale][b] ?? b).join('、')}</Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label={t('help.request')}>
                <Typography.Text type="secondary">{t('help.masked')}</Typography.Text>{' '}
                {roleCan(me.role, 'help.sensitive') && (
                  <Button size="small" onClick={() => showFull.mutate()} data-testid="help-full">
                    {t('help.viewFull')}
                  </Button>
                )}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5}>{t('help.actions')}</Typography.Title>
          <Timeline items={d.actions.map((a) => ({ children: `${a.actedOn} ${a.note}${a.actorName ? ` · ${a.actorName}` : ''}` }))} />
          {canWrite && d.status !== 'closed' && (
            <Form form={form} layout="inline" onFinish={(v) => act.mutate(v)} onValuesChange={clearErrorsOnChange(form)}>
              <Form.Item name="actedOn" rules={[requiredRule(t, t('help.actedOn'), 'choose')]}>
                <DatePicker placeholder={t('help.actedOn')} />
              </Form.Item>
              <Form.Item name="note" rules={[requiredRule(t, t('help.note'))]}>
                <Input placeholder={t('help.note')} maxLength={500} />
              </Form.Item>
              <Button htmlType="submit" loading={act.isPending}>
                {t('help.addAction')}
              </Button>
            </Form>
          )}
          {roleCan(me.role, 'matching.read') && d.status !== 'closed' && <SuggestionsPanel needKind="help_need" needId={d.id} />}
          <Typography.Title level={5}>{t('help.timeline')}</Typography.Title>
          <Timeline
            items={d.events.map((e) => ({
              children: `${formatTime(e.createdAt)} ${helpEventLabels[locale][e.action]}${e.actorName ? ` · ${e.actorName}` : ''}${e.note ? ` · ${e.note}` : ''}`,
            }))}
          />
        </Space>
      )}
    </Drawer>
  );
}
