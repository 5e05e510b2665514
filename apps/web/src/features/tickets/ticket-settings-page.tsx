import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { defaultAssigneeKinds, roleCan, type TicketCategory, type TicketSettings } from '@linli/contracts';
import { registerMessages, useT, type Keys } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, clearErrorsOnChange } from '../../components/forms.js';
import { fetchGrids, placesKeys, setGridWorker } from '../places/api.js';
import { fetchPartnerOptions, partnersKeys } from '../partners/api.js';
import { fetchTeamOptions, peopleKeys } from '../people/api.js';
import { slaText } from './sla-text.js';
import { createCategory, fetchAssignees, fetchCategories, fetchSettings, saveSettings, ticketsKeys, updateCategory } from './api.js';

const _texts = registerMessages(
  {
    'ts.title': '诉求办理规则',
    'ts.rules': '评价、派单与公开',
    'ts.reopenLimit': '不满意重办次数上限',
    'ts.reopenHelp': '居民评价“不满意”时退回重办；超过此次数则按“不满意”结案',
    'ts.unratedDays': '未评价自动结案天数',
    'ts.unratedHelp': '办结后居民在这些天内未评价，按“未评价”结案，不计入满意',
    'ts.autoAssign': '自动派单',
    'ts.autoAssignHelp': '新诉求的类别设有默认承办时，登记后立即受理并派给默认承办',
    'ts.open311': '对外公开的诉求信息（Open311）',
    'ts.open311Help':
      '任何人不用密钥就能通过 Open311 接口查到本社区诉求的这些信息；持接口密钥的对接系统始终能看到诉求内容。居民的查询码、姓名和电话在任何情况下都不公开',
    'ts.open311.summary': '仅类别、状态、时间和小区（推荐）',
    'ts.open311.full': '另含诉求内容、地址和办理说明（已登记的诉求也会一并公开，居民写下的门牌等细节外人可见）',
    'ts.categories': '诉求类别与时限',
    'ts.newCategory': '新增类别',
    'ts.code': '编码',
    'ts.nameZh': '中文名称',
    'ts.nameEn': '英文名称',
    'ts.response': '响应时限',
    'ts.resolution': '办结时限',
    'ts.workingHours': '只计工作时间',
    'ts.defaultAssignee': '默认承办',
    'ts.kind.account': '工作人员',
    'ts.kind.team': '队伍',
    'ts.kind.partner': '共建单位',
    'ts.kind.grid_worker': '所在网格的网格员',
    'ts.none': '无',
    'ts.active': '启用',
    'ts.inactive': '停用',
    'ts.edit': '编辑',
    'ts.grids': '网格与网格员',
    'ts.grid': '网格',
    'ts.worker': '网格员',
    'ts.noWorker': '未指定',
    'ts.saved': '已保存',
    'ts.save': '保存',
    'ts.cancel': '取消',
    'ts.assignee': '承办对象',
  },
  {
    'ts.title': 'Ticket rules',
    'ts.rules': 'Rating, dispatch and publication',
    'ts.reopenLimit': 'Reopen limit',
    'ts.reopenHelp': 'A "dissatisfied" rating sends a ticket back; beyond this many times it closes as dissatisfied',
    'ts.unratedDays': 'Days before closing unrated',
    'ts.unratedHelp': 'A resolved ticket left unrated this long closes as unrated, never counted satisfied',
    'ts.autoAssign': 'Assign automatically',
    'ts.autoAssignHelp': 'New tickets whose category has a default assignee are accepted and assigned at once',
    'ts.open311': 'What Open311 shows the public',
    'ts.open311Help':
      "What anyone without an API key sees through Open311; a client with a key always sees the description. Nobody sees a resident's tracking code, name or phone",
    'ts.open311.summary': 'Category, status, times and compound only (recommended)',
    'ts.open311.full': 'Also the description, address and notes (tickets already registered too: details residents wrote become public)',
    'ts.categories': 'Categories and deadlines',
    'ts.newCategory': 'New category',
    'ts.code': 'Code',
    'ts.nameZh': 'Chinese name',
    'ts.nameEn': 'English name',
    'ts.response': 'Response',
    'ts.resolution': 'Resolution',
    'ts.workingHours': 'Working hours only',
    'ts.defaultAssignee': 'Default assignee',
    'ts.kind.account': 'Staff member',
    'ts.kind.team': 'Team',
    'ts.kind.partner': 'Partner',
    'ts.kind.grid_worker': 'Grid worker of its grid',
    'ts.none': 'None',
    'ts.active': 'Active',
    'ts.inactive': 'Inactive',
    'ts.edit': 'Edit',
    'ts.grids': 'Grids and grid workers',
    'ts.grid': 'Grid',
    'ts.worker': 'Grid worker',
    'ts.noWorker': 'Not set',
    'ts.saved': 'Saved',
    'ts.save': 'Save',
    'ts.cancel': 'Cancel',
    'ts.assignee': 'Assignee',
  },
);
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

type Option = { value: number; label: string };
/** Who can carry a category's tickets, by kind: accounts, teams and partners of the community. */
function useAssigneeOptions(communityId: number | null | undefined) {
  const accounts = useQuery({ queryKey: ticketsKeys.assignees(communityId), queryFn: () => fetchAssignees(communityId) });
  const teams = useQuery({ queryKey: peopleKeys.teamOptions(communityId), queryFn: () => fetchTeamOptions(communityId) });
  const partners = useQuery({ queryKey: partnersKeys.options(communityId), queryFn: () => fetchPartnerOptions(communityId) });
  return {
    account: accounts.data?.items.map((a) => ({ value: a.id, label: a.displayName })) ?? [],
    team: teams.data?.items.map((a) => ({ value: a.id, label: a.name })) ?? [],
    partner: partners.data?.items.map((a) => ({ value: a.id, label: a.name })) ?? [],
  } as Record<'account' | 'team' | 'partner', Option[]>;
}

export function TicketSettingsPage() {
  const { me, communityId } = useSession();
  const canEdit = roleCan(me.role, 'tickets.configure');
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="ticket-settings-page">
      <RulesCard communityId={communityId} canEdit={canEdit} />
      <CategoriesCard communityId={communityId} canEdit={canEdit} />
      {roleCan(me.role, 'places.read') && <GridsCard communityId={communityId} canEdit={canEdit && roleCan(me.role, 'places.write')} />}
    </Space>
  );
}

function RulesCard({ communityId, canEdit }: { communityId: number | null | undefined; canEdit: boolean }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ticketsKeys.settings(communityId), queryFn: () => fetchSettings(communityId) });
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: Partial<TicketSettings>) => saveSettings({ ...v, communityId }),
    onSuccess: (data) => {
      qc.setQueryData(ticketsKeys.settings(communityId), data);
      // The form stays open, so errors from an earlier try must go.
      form.setFields((['reopenLimit', 'unratedCloseDays', 'autoAssign', 'open311PublicDetail'] as const).map((name) => ({ name, errors: [] })));
      message.success(t('ts.saved'));
    },
    onError: (err) => {
      const rest = applyApiError(form, err);
      if (rest) message.error(rest);
    },
  });
  return (
    <Card title={t('ts.rules')} loading={q.isLoading}>
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        disabled={!canEdit}
        onFinish={(v) => save.mutate(v)}
        style={{ maxWidth: 560 }}
      >
        <Form.Item name="reopenLimit" label={t('ts.reopenLimit')} extra={t('ts.reopenHelp')}>
          <InputNumber min={0} max={5} data-testid="ts-reopen-limit" />
        </Form.Item>
        <Form.Item name="unratedCloseDays" label={t('ts.unratedDays')} extra={t('ts.unratedHelp')}>
          <InputNumber min={1} max={30} data-testid="ts-unrated-days" />
        </Form.Item>
        <Form.Item name="autoAssign" label={t('ts.autoAssign')} extra={t('ts.autoAssignHelp')} valuePropName="checked">
          <Switch data-testid="ts-auto-assign" />
        </Form.Item>
        <Form.Item name="open311PublicDetail" label={t('ts.open311')} extra={t('ts.open311Help')}>
          <Select data-testid="ts-open311-detail" options={(['summary', 'full'] as const).map((v) => ({ value: v, label: t(`ts.open311.${v}`) }))} />
        </Form.Item>
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="ts-save">
            {t('ts.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

function CategoriesCard({ communityId, canEdit }: { communityId: number | null | undefined; canEdit: boolean }) {
  const { t, locale } = useT();
  const [editing, setEditing] = useState<TicketCategory | 'new' | null>(null);
  const q = useQuery({ queryKey: ticketsKeys.categoriesOf(communityId), queryFn: () => fetchCategories(communityId) });
  const assigneeText = (c: TicketCategory) =>
    !c.defaultAssigneeKind ? (
      <span style={{ color: '#999' }}>{t('ts.none')}</span>
    ) : c.defaultAssigneeKind === 'grid_worker' ? (
      t('ts.kind.grid_worker')
    ) : (
      `${t(`ts.kind.${c.defaultAssigneeKind}`)} · ${c.defaultAssigneeName ?? ''}`
    );
  return (
    <Card
      title={t('ts.categories')}
      extra={
        canEdit && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="ts-category-new">
            {t('ts.newCategory')}
          </Button>
        )
      }
    >
      <Table<TicketCategory>
        rowKey="id"
        size="small"
        pagination={false}
        loading={q.isLoading}
        dataSource={q.data?.items}
        data-testid="ts-categories"
        columns={[
          { title: t('ts.nameZh'), render: (_, c) => (locale === 'en' ? c.nameEn : c.nameZh) },
          { title: t('ts.response'), dataIndex: 'responseHours', render: (h: number, c) => slaText(t, h, c.workingHoursOnly) },
          {
            title: t('ts.resolution'),
            render: (_, c) => (
              <>
                <span data-testid={`ts-resolution-${c.code}`}>{slaText(t, c.resolutionHours, c.workingHoursOnly)}</span>
              </>
            ),
          },
          { title: t('ts.defaultAssignee'), render: (_, c) => <span data-testid={`ts-default-${c.code}`}>{assigneeText(c)}</span> },
          {
            title: t('ts.active'),
            dataIndex: 'isActive',
            render: (v: boolean) => (v ? <Tag color="green">{t('ts.active')}</Tag> : <Tag>{t('ts.inactive')}</Tag>),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'edit',
                  render: (_: unknown, c: TicketCategory) => (
                    <Button size="small" type="link" onClick={() => setEditing(c)} data-testid={`ts-edit-${c.code}`}>
                      {t('ts.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <CategoryForm communityId={communityId} category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function CategoryForm({ communityId, category, onClose }: { communityId: number | null | undefined; category: TicketCategory | null; onClose(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const options = useAssigneeOptions(communityId);
  const kind = Form.useWatch('defaultAssigneeKind', form) as TicketCategory['defaultAssigneeKind'] | undefined;
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const body = {
        ...v,
        defaultAssigneeKind: v.defaultAssigneeKind ?? null,
        defaultAssigneeId: v.defaultAssigneeKind && v.defaultAssigneeKind !== 'grid_worker' ? (v.defaultAssigneeId ?? null) : null,
      };
      return category ? updateCategory(category.id, body) : createCategory({ ...body, communityId });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ticketsKeys.categories });
      message.success(t('ts.saved'));
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
      title={category ? `${t('ts.edit')} · ${category.nameZh}` : t('ts.newCategory')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('ts.save')}
      cancelText={t('ts.cancel')}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'ts-category-save' } as Record<`data-${string}`, string>}
    >
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={category ?? { responseHours: 24, resolutionHours: 168, workingHoursOnly: false }}
      >
        {!category && (
          <Form.Item name="code" label={t('ts.code')}>
            <Input placeholder="heating" />
          </Form.Item>
        )}
        <Space.Compact block>
          <Form.Item name="nameZh" label={t('ts.nameZh')} style={{ width: '50%' }}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('ts.nameEn')} style={{ width: '50%' }}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Space size="large">
          <Form.Item name="responseHours" label={t('sla.hoursField', { name: t('ts.response') })}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="resolutionHours" label={t('sla.hoursField', { name: t('ts.resolution') })}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="workingHoursOnly" label={t('ts.workingHours')} valuePropName="checked" tooltip={t('sla.workingHoursHelp')}>
            <Switch />
          </Form.Item>
          {category && (
            <Form.Item name="isActive" label={t('ts.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="defaultAssigneeKind" label={t('ts.defaultAssignee')}>
          <Select
            allowClear
            placeholder={t('ts.none')}
            data-testid="ts-assignee-kind"
            options={defaultAssigneeKinds.map((k) => ({ value: k, label: t(`ts.kind.${k}`) }))}
          />
        </Form.Item>
        {kind && kind !== 'grid_worker' && (
          <Form.Item name="defaultAssigneeId" label={t('ts.assignee')}>
            <Select showSearch optionFilterProp="label" options={options[kind]} data-testid="ts-assignee-id" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function GridsCard({ communityId, canEdit }: { communityId: number | null | undefined; canEdit: boolean }) {
  const { t } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const grids = useQuery({
    queryKey: placesKeys.grids(communityId),
    queryFn: () => fetchGrids(communityId),
  });
  const workers = useQuery({
    queryKey: ticketsKeys.assignees(communityId),
    enabled: canEdit,
    queryFn: () => fetchAssignees(communityId),
  });
  const save = useMutation({
    mutationFn: (v: { id: number; workerAccountId: number | null }) => setGridWorker(v.id, v.workerAccountId),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: placesKeys.all });
      message.success(t('ts.saved'));
    },
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  const options = workers.data?.items.filter((a) => a.role === 'grid_worker').map((a) => ({ value: a.id, label: a.displayName })) ?? [];
  return (
    <Card title={t('ts.grids')}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={grids.isLoading}
        dataSource={grids.data?.items}
        data-testid="ts-grids"
        columns={[
          { title: t('ts.grid'), dataIndex: 'name' },
          {
            title: t('ts.worker'),
            render: (_, g) =>
              canEdit ? (
                <Select
                  style={{ minWidth: 200 }}
                  allowClear
                  placeholder={t('ts.noWorker')}
                  value={g.workerAccountId ?? undefined}
                  options={options.length ? options : g.workerAccountId ? [{ value: g.workerAccountId, label: g.workerName ?? '' }] : []}
                  onChange={(v: number | undefined) => save.mutate({ id: g.id, workerAccountId: v ?? null })}
                  data-testid={`ts-grid-worker-${g.id}`}
                />
              ) : (
                (g.workerName ?? t('ts.noWorker'))
              ),
          },
        ]}
      />
    </Card>
  );
}
