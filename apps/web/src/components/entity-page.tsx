import { useState, type ReactNode } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { Page } from '@linli/contracts';
import { useT } from '../lib/i18n.js';
import { useSession } from '../lib/session.js';
import { applyApiError, clearErrorsOnChange } from './forms.js';

export interface FieldDef {
  name: string;
  label: string;
  kind?: 'text' | 'number' | 'textarea' | 'select' | 'date' | 'switch' | 'password';
  /** A feature's own control (a resident or grid picker); components/ knows no feature's API. */
  control?: (testId: string) => ReactNode;
  options?: Array<{ value: string | number; label: string }>;
  /** Only asked when creating (e.g. the resident a party member is). */
  createOnly?: boolean;
  /** Only shown when editing (e.g. an account's active switch). */
  editOnly?: boolean;
  required?: boolean;
  /** The API's limit: the input stops there and shows a counter, so nothing is cut unseen. */
  maxLength?: number;
  extra?: string | ((row: Record<string, unknown> | undefined) => string | undefined);
  /** Stored encrypted and answered masked: left blank on edit means "unchanged". */
  secret?: boolean;
}

/** What a register's page needs from its feature's api.ts: the URLs stay there, typed by the OpenAPI document. */
export interface EntityApi<T> {
  /** The feature's query key for this register; invalidated after every write. */
  key: QueryKey;
  list(params: Record<string, string | number | undefined>): Promise<Page<T>>;
  create(body: Record<string, unknown>): Promise<unknown>;
  update(id: number, body: Record<string, unknown>): Promise<unknown>;
  archive?(id: number, reason: string): Promise<unknown>;
}

export interface Filter {
  name: string;
  placeholder: string;
  options: Array<{ value: string; label: string }>;
}

/** The form's names of its fields, so an API error names a field as it is labelled here (ADR 0035). */
export const fieldLabels = (fields: Array<{ name: string; label: string }>) => Object.fromEntries(fields.map((f) => [f.name, f.label]));

function control(f: FieldDef, testId: string): ReactNode {
  if (f.control) return f.control(testId);
  switch (f.kind) {
    case 'textarea':
      return <Input.TextArea rows={3} maxLength={f.maxLength} showCount={!!f.maxLength} data-testid={testId} />;
    case 'number':
      return <InputNumber min={1} style={{ width: '100%' }} data-testid={testId} />;
    case 'password':
      return <Input.Password autoComplete="new-password" data-testid={testId} />;
    case 'select':
      return <Select options={f.options} data-testid={testId} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} data-testid={testId} />;
    default:
      return <Input maxLength={f.maxLength} showCount={!!f.maxLength} data-testid={testId} />;
  }
}

/** Form values → request body: dates as YYYY-MM-DD; blank text cleared (null) on edit, left out on create. */
function toBody(fields: FieldDef[], values: Record<string, unknown>, editing: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    if ((editing && f.createOnly) || (!editing && f.editOnly)) continue;
    let v = values[f.name];
    if (dayjs.isDayjs(v)) v = (v as Dayjs).format('YYYY-MM-DD');
    if (typeof v === 'string') v = v.trim();
    if (v === '' || v === undefined || v === null) {
      if (editing && f.kind !== 'password' && !f.secret) body[f.name] = null;
      continue;
    }
    body[f.name] = v;
  }
  return body;
}

function toValues(fields: FieldDef[], row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = row[f.name];
    out[f.name] = f.kind === 'date' && typeof v === 'string' ? dayjs(v) : v;
  }
  return out;
}

export function EntityForm({
  title,
  api,
  fields,
  row,
  extra,
  testId,
  invalidate,
  onClose,
}: {
  title: string;
  api: Pick<EntityApi<unknown>, 'create' | 'update'>;
  fields: FieldDef[];
  row?: Record<string, unknown> & { id: number };
  extra?: Record<string, unknown>;
  testId: string;
  invalidate: QueryKey[];
  onClose(): void;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const shown = fields.filter((f) => (row ? !f.createOnly : !f.editOnly));
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => (row ? api.update(row.id, toBody(fields, v, true)) : api.create({ ...extra, ...toBody(fields, v, false) })),
    onSuccess: () => {
      message.success(t('common.saved'));
      for (const queryKey of invalidate) void qc.invalidateQueries({ queryKey });
      onClose();
    },
    onError: (err) => {
      const rest = applyApiError(form, err, fieldLabels(shown));
      if (rest) message.error(rest);
    },
  });
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': `${testId}-save` } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={row ? toValues(shown, row) : {}}
        data-testid={`${testId}-form`}
      >
        {shown.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            required={f.required}
            extra={typeof f.extra === 'function' ? f.extra(row) : f.extra}
            valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
          >
            {f.kind === 'switch' ? <Switch data-testid={`${testId}-${f.name}`} /> : control(f, `${testId}-${f.name}`)}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** A server-paginated list with search, filters, create/edit dialogs and optional archive. */
export function EntityPage<T extends { id: number; archivedAt?: string | null }>({
  title,
  api,
  testId,
  columns,
  fields,
  filters = [],
  canWrite,
  searchPlaceholder,
  rowActions,
  createLabel,
  extraParams,
  scoped = true,
  createExtra,
}: {
  title: string;
  api: EntityApi<T>;
  testId: string;
  columns: ColumnsType<T>;
  fields: FieldDef[];
  filters?: Filter[];
  canWrite: boolean;
  searchPlaceholder?: string;
  rowActions?: (row: T) => ReactNode;
  createLabel?: string;
  extraParams?: Record<string, string>;
  /** false: the list is not narrowed to the picked community (accounts of an admin's whole scope). */
  scoped?: boolean;
  /** Sent with every create; defaults to the picked community. */
  createExtra?: Record<string, unknown>;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const { communityId } = useSession();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [q, setQ] = useState('');
  const [filterValues, setFilterValues] = useState<Record<string, string | undefined>>({});
  const [sort, setSort] = useState<{ sort?: string; order?: 'asc' | 'desc' }>({});
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [archiving, setArchiving] = useState<T | null>(null);
  const [reason, setReason] = useState('');
  const list = useQuery({
    queryKey: [...api.key, scoped && communityId, page, pageSize, q, filterValues, sort, extraParams],
    queryFn: () => api.list({ communityId: scoped ? (communityId ?? undefined) : undefined, page, pageSize, q, ...filterValues, ...sort, ...extraParams }),
    placeholderData: (prev) => prev,
  });
  const doArchive = useMutation({
    mutationFn: () => api.archive!(archiving!.id, reason),
    onSuccess: () => {
      setArchiving(null);
      setReason('');
      void qc.invalidateQueries({ queryKey: api.key });
    },
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  const actions: ColumnsType<T> =
    canWrite || rowActions
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 1,
            render: (_: unknown, row: T) => (
              <Space size="small" onClick={(e) => e.stopPropagation()}>
                {rowActions?.(row)}
                {canWrite && !row.archivedAt && (
                  <Button size="small" type="link" onClick={() => setEditing(row)} data-testid={`${testId}-edit-${row.id}`}>
                    {t('common.edit')}
                  </Button>
                )}
                {canWrite && api.archive && !row.archivedAt && (
                  <Button size="small" type="link" danger onClick={() => setArchiving(row)}>
                    {t('common.archive')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : [];
  return (
    <Card title={title}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          placeholder={searchPlaceholder ?? t('common.search')}
          style={{ width: 240 }}
          data-testid={`${testId}-search`}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        {filters.map((f) => (
          <Select
            key={f.name}
            allowClear
            placeholder={f.placeholder}
            style={{ minWidth: 160 }}
            value={filterValues[f.name]}
            options={f.options}
            onChange={(v) => {
              setFilterValues((s) => ({ ...s, [f.name]: v }));
              setPage(1);
            }}
          />
        ))}
        {canWrite && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid={`${testId}-new`}>
            {createLabel ?? t('common.create')}
          </Button>
        )}
      </Space>
      <Table<T>
        data-testid={`${testId}-table`}
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        onChange={(p, _f, s) => {
          setPage(p.current ?? 1);
          setPageSize(p.pageSize ?? 20);
          const one = Array.isArray(s) ? s[0] : s;
          setSort(one?.order ? { sort: String(one.columnKey ?? one.field), order: one.order === 'ascend' ? 'asc' : 'desc' } : {});
        }}
        pagination={{ current: page, pageSize, total: list.data?.total, showTotal: (n) => t('common.total', { n }), showSizeChanger: true }}
        columns={[...columns, ...actions]}
      />
      {editing && (
        <EntityForm
          title={editing === 'new' ? (createLabel ?? t('common.create')) : t('common.edit')}
          api={api}
          fields={fields}
          row={editing === 'new' ? undefined : (editing as unknown as Record<string, unknown> & { id: number })}
          extra={createExtra ?? { communityId }}
          testId={testId}
          invalidate={[api.key]}
          onClose={() => setEditing(null)}
        />
      )}
      <Modal
        open={archiving !== null}
        title={t('common.archive')}
        onCancel={() => setArchiving(null)}
        onOk={() => doArchive.mutate()}
        confirmLoading={doArchive.isPending}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        okText={t('common.archive')}
        cancelText={t('common.cancel')}
      >
        <Input placeholder={t('residents.archiveReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid={`${testId}-archive-reason`} />
      </Modal>
    </Card>
  );
}
