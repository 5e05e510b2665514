import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, Modal, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleCan, type AccessLogEntry, type AuditEntry, type Resident, type ResidentPii } from '@linli/contracts';
import {
  archiveResident,
  createResident,
  fetchAccessLog,
  fetchAudit,
  fetchResident,
  fetchResidentPii,
  fetchResidents,
  placesKeys,
  updateResident,
} from './api.js';
import { keyFromData, useT } from '../../lib/i18n.js';
import { useTagDictionary } from './tag-dictionary.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, clearErrorsOnChange } from '../../components/forms.js';
import { formatTime } from '../../components/time.js';

export function ResidentsPage() {
  const { t } = useT();
  return (
    <Card title={t('nav.residents')}>
      <ResidentsTable />
    </Card>
  );
}

export function ResidentsTable({ householdId }: { householdId?: number }) {
  const { t } = useT();
  const tagDictionary = useTagDictionary();
  const { communityId, me } = useSession();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [q, setQ] = useState('');
  const [tag, setTag] = useState<string | undefined>();
  const [sort, setSort] = useState<{ sort?: string; order?: 'asc' | 'desc' }>({});
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: [...placesKeys.residents, communityId, householdId, page, pageSize, q, tag, sort],
    queryFn: () => fetchResidents({ communityId: communityId ?? undefined, householdId, page, pageSize, q, tag: tag || undefined, ...sort }),
    placeholderData: (prev) => prev,
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          placeholder={t('residents.searchPlaceholder')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 260 }}
          data-testid="residents-search"
        />
        <Select
          allowClear
          placeholder={t('residents.tags')}
          value={tag}
          onChange={(v) => {
            setTag(v);
            setPage(1);
          }}
          style={{ width: 160 }}
          options={tagDictionary.publicOptions}
        />
        {roleCan(me.role, 'residents.write') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-resident">
            {t('residents.new')}
          </Button>
        )}
      </Space>
      <Table<Resident>
        data-testid="residents-table"
        rowKey="id"
        loading={query.isFetching}
        dataSource={query.data?.items}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        onChange={(p, _f, s) => {
          setPage(p.current ?? 1);
          setPageSize(p.pageSize ?? 20);
          const one = Array.isArray(s) ? s[0] : s;
          setSort(one?.order ? { sort: String(one.field), order: one.order === 'ascend' ? 'asc' : 'desc' } : {});
        }}
        pagination={{ current: page, pageSize, total: query.data?.total, showTotal: (n) => t('common.total', { n }), showSizeChanger: true }}
        columns={[
          { title: t('residents.name'), dataIndex: 'name', sorter: true, key: 'name' },
          { title: t('residents.gender'), dataIndex: 'gender', render: (g: Resident['gender']) => (g ? t(`residents.${g}`) : '') },
          { title: t('residents.age'), dataIndex: 'age', sorter: true, key: 'age', align: 'right' },
          { title: t('residents.phone'), dataIndex: 'phoneMasked' },
          { title: t('residents.address'), dataIndex: 'address' },
          { title: t('residents.tags'), dataIndex: 'tags', render: (tags: string[]) => tags.map((x) => <Tag key={x}>{tagDictionary.labelOf(x)}</Tag>) },
          {
            title: t('residents.hukou'),
            dataIndex: 'hukouLocal',
            render: (v) => (v ? t('residents.local') : <Tag color="orange">{t('residents.nonLocal')}</Tag>),
          },
        ]}
      />
      {openId !== null && <ResidentDrawer id={openId} onClose={() => setOpenId(null)} />}
      {creating && <ResidentForm onClose={() => setCreating(false)} householdId={householdId} />}
    </>
  );
}

function ResidentForm({ resident, householdId, onClose }: { resident?: Resident; householdId?: number; onClose(): void }) {
  const { t } = useT();
  const tagDictionary = useTagDictionary();
  const { message } = App.useApp();
  const { communityId } = useSession();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const body = { ...v, phone: v.phone || undefined, idCard: v.idCard || undefined, birthDate: v.birthDate || undefined };
      return resident ? updateResident(resident.id, body) : createResident({ ...body, communityId, householdId });
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: placesKeys.all });
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
      title={resident ? t('common.edit') : t('residents.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      data-testid="resident-form"
    >
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={
          resident
            ? {
                name: resident.name,
                gender: resident.gender,
                birthDate: resident.birthDate,
                hukouLocal: resident.hukouLocal,
                tags: resident.tags,
                relation: resident.relation,
                notes: resident.notes,
              }
            : { hukouLocal: true, tags: [] }
        }
      >
        <Form.Item name="name" label={t('residents.name')}>
          <Input data-testid="resident-name" />
        </Form.Item>
        <Form.Item name="gender" label={t('residents.gender')}>
          <Select
            allowClear
            options={[
              { value: 'male', label: t('residents.male') },
              { value: 'female', label: t('residents.female') },
            ]}
          />
        </Form.Item>
        <Form.Item name="birthDate" label={t('residents.birthDate')}>
          <Input placeholder="1950-01-31" />
        </Form.Item>
        <Form.Item name="phone" label={t('residents.phone')} extra={resident?.phoneMasked ?? undefined}>
          <Input data-testid="resident-phone" />
        </Form.Item>
        <Form.Item name="idCard" label={t('residents.idCard')} extra={resident?.idCardMasked ?? undefined}>
          <Input />
        </Form.Item>
        <Form.Item name="hukouLocal" label={t('residents.hukouLocal')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="tags" label={t('residents.tags')}>
          <Select mode="multiple" options={tagDictionary.publicOptions} />
        </Form.Item>
        <Form.Item name="sensitiveTags" label={t('residents.sensitive')}>
          <Select mode="multiple" options={tagDictionary.sensitiveOptions} />
        </Form.Item>
        <Form.Item name="relation" label={t('residents.relation')}>
          <Input />
        </Form.Item>
        <Form.Item name="notes" label={t('residents.notes')}>
          <Input.TextArea rows={2} data-testid="resident-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResidentDrawer({ id, onClose }: { id: number; onClose(): void }) {
  const { t, locale } = useT();
  const tagDictionary = useTagDictionary();
  const { me } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [pii, setPii] = useState<ResidentPii | null>(null);
  const [archiveReason, setArchiveReason] = useState('');
  const [archiving, setArchiving] = useState(false);
  const r = useQuery({ queryKey: placesKeys.resident(id), queryFn: () => fetchResident(id) });
  const canAudit = roleCan(me.role, 'audit.read');
  const audit = useQuery({ queryKey: placesKeys.audit(id), enabled: canAudit, queryFn: () => fetchAudit(id) });
  const views = useQuery({ queryKey: placesKeys.accessLog(id), enabled: canAudit, queryFn: () => fetchAccessLog(id) });
  const reveal = useMutation({
    mutationFn: () => fetchResidentPii(id),
    onSuccess: (data) => {
      setPii(data);
      void qc.invalidateQueries({ queryKey: placesKeys.accessLog(id) });
    },
    onError: (err) => message.error(String((err as Error).message)),
  });
  const archive = useMutation({
    mutationFn: () => archiveResident(id, archiveReason),
    onSuccess: () => {
      setArchiving(false);
      void qc.invalidateQueries({ queryKey: placesKeys.all });
    },
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  const res = r.data;
  const time = (s: string) => formatTime(locale, s);
  return (
    <Drawer
      open
      width={620}
      onClose={onClose}
      title={res?.name ?? t('residents.detail')}
      data-testid="resident-drawer"
      extra={
        res &&
        !res.archivedAt &&
        roleCan(me.role, 'residents.write') && (
          <Space>
            <Button onClick={() => setEditing(true)} data-testid="resident-edit">
              {t('common.edit')}
            </Button>
            <Button danger onClick={() => setArchiving(true)}>
              {t('residents.archive')}
            </Button>
          </Space>
        )
      }
    >
      {res && (
        <Tabs
          items={[
            {
              key: 'info',
              label: t('residents.info'),
              children: (
                <>
                  {res.archivedAt && <Alert type="warning" message={t('residents.archived')} style={{ marginBottom: 12 }} />}
                  <Descriptions column={1} bordered size="small">
                    <Descriptions.Item label={t('residents.address')}>{res.address}</Descriptions.Item>
                    <Descriptions.Item label={t('residents.gender')}>{res.gender ? t(`residents.${res.gender}`) : ''}</Descriptions.Item>
                    <Descriptions.Item label={t('residents.birthDate')}>
                      {res.birthDate}
                      {res.age !== null ? ` (${res.age})` : ''}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('residents.phone')}>
                      <span data-testid="resident-phone-value">{pii ? pii.phone : res.phoneMasked}</span>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('residents.idCard')}>
                      <span data-testid="resident-idcard-value">{pii ? pii.idCard : res.idCardMasked}</span>
                    </Descriptions.Item>
                    {pii && (
                      <Descriptions.Item label={t('residents.sensitive')}>
                        {pii.sensitiveTags.length
                          ? pii.sensitiveTags.map((x) => (
                              <Tag color="red" key={x}>
                                {tagDictionary.labelOf(x)}
                              </Tag>
                            ))
                          : t('common.none')}
                      </Descriptions.Item>
                    )}
                    <Descriptions.Item label={t('residents.hukou')}>{res.hukouLocal ? t('residents.local') : t('residents.nonLocal')}</Descriptions.Item>
                    <Descriptions.Item label={t('residents.tags')}>
                      {res.tags.map((x) => (
                        <Tag key={x}>{tagDictionary.labelOf(x)}</Tag>
                      ))}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('residents.relation')}>{res.relation}</Descriptions.Item>
                    <Descriptions.Item label={t('residents.notes')}>
                      <span data-testid="resident-notes-value">{res.notes}</span>
                    </Descriptions.Item>
                  </Descriptions>
                  {roleCan(me.role, 'residents.viewPii') && !pii && (
                    <Space direction="vertical" style={{ marginTop: 12 }}>
                      <Button onClick={() => reveal.mutate()} loading={reveal.isPending} data-testid="reveal-pii">
                        {t('residents.reveal')}
                      </Button>
                      <span style={{ color: '#888', fontSize: 12 }}>{t('residents.revealNote')}</span>
                    </Space>
                  )}
                </>
              ),
            },
            ...(canAudit
              ? [
                  {
                    key: 'audit',
                    label: <span data-testid="tab-audit">{t('residents.audit')}</span>,
                    children: (
                      <Table<AuditEntry>
                        size="small"
                        rowKey="id"
                        pagination={false}
                        dataSource={audit.data?.items}
                        data-testid="audit-table"
                        columns={[
                          { title: t('audit.time'), dataIndex: 'createdAt', render: time },
                          { title: t('audit.actor'), dataIndex: 'actorName', render: (v) => v ?? t('audit.system') },
                          { title: t('audit.action'), dataIndex: 'action' },
                          {
                            title: t('audit.changes'),
                            dataIndex: 'changes',
                            render: (c, row) => [row.reason, c ? Object.keys(c).join(', ') : ''].filter(Boolean).join(' · '),
                          },
                        ]}
                      />
                    ),
                  },
                  {
                    key: 'views',
                    label: <span data-testid="tab-access">{t('residents.accessLog')}</span>,
                    children: (
                      <Table<AccessLogEntry>
                        size="small"
                        rowKey="id"
                        pagination={false}
                        dataSource={views.data?.items}
                        data-testid="access-table"
                        columns={[
                          { title: t('audit.time'), dataIndex: 'createdAt', render: time },
                          { title: t('audit.actor'), dataIndex: 'actorName' },
                          {
                            title: t('audit.fields'),
                            dataIndex: 'fields',
                            render: (f: string[]) => f.map((x) => t(keyFromData(`residents.${x === 'sensitiveTags' ? 'sensitive' : x}`))).join('、'),
                          },
                        ]}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing && res && <ResidentForm resident={res} onClose={() => setEditing(false)} />}
      <Modal
        open={archiving}
        title={t('residents.archive')}
        onCancel={() => setArchiving(false)}
        onOk={() => archive.mutate()}
        okButtonProps={{ danger: true, disabled: !archiveReason.trim() }}
      >
        <Input placeholder={t('residents.archiveReason')} value={archiveReason} onChange={(e) => setArchiveReason(e.target.value)} />
      </Modal>
    </Drawer>
  );
}
