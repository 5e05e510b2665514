import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Switch, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { escalationStatuses, escalationStatusLabels, type DepartmentRankingRow, type Escalation } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { applyApiError } from '../../components/forms.js';
import { formatTime } from '../../components/time.js';
import { dispatchEscalation, escalationsKeys, fetchBoard, fetchServingOrganisations } from './api.js';
import { EscalationCard, EscalationStatusTag } from './escalation-card.js';
import './messages.js';

/**
 * 吹哨报到: every whistle a community blew to the subdistrict office, the departments it was dispatched to and how they
 * answered, filtered by status, department and overdue; and the departments ranked by answers and response time.
 */
export function WhistleBoardPage() {
  const { t, locale } = useT();
  const [status, setStatus] = useState<Escalation['status'] | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [organisationId, setOrganisationId] = useState<number | undefined>();
  const [dispatching, setDispatching] = useState<Escalation | null>(null);
  const filters = { status, overdue: overdue ? ('true' as const) : undefined, organisationId };
  const q = useQuery({ queryKey: escalationsKeys.board(filters), queryFn: () => fetchBoard(filters) });
  const time = (s: string | null) => (s ? formatTime(locale, s) : '');
  const departments = (q.data?.ranking ?? []).map((r) => ({ value: r.organisationId, label: r.organisationName }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={t('esc.whistles')}
        extra={
          <Space>
            <Select
              allowClear
              placeholder={t('esc.status')}
              style={{ width: 140 }}
              value={status}
              onChange={setStatus}
              options={escalationStatuses.map((s) => ({ value: s, label: escalationStatusLabels[locale][s] }))}
            />
            <Select
              allowClear
              placeholder={t('esc.departments')}
              style={{ width: 180 }}
              value={organisationId}
              onChange={setOrganisationId}
              options={departments}
            />
            <span>
              {t('esc.overdue')} <Switch checked={overdue} onChange={setOverdue} />
            </span>
          </Space>
        }
      >
        <Table<Escalation>
          rowKey="id"
          data-testid="whistle-table"
          loading={q.isLoading}
          dataSource={q.data?.whistles ?? []}
          pagination={{ pageSize: 20 }}
          expandable={{ expandedRowRender: (e) => <EscalationCard e={e} /> }}
          columns={[
            { title: t('esc.community'), dataIndex: 'communityName' },
            { title: t('esc.ticket'), render: (_, e) => `${e.ticketCode} · ${e.ticketTitle}` },
            { title: t('esc.status'), render: (_, e) => <EscalationStatusTag e={e} /> },
            {
              title: t('esc.departments'),
              render: (_, e) => (
                <Space wrap size={4}>
                  {e.children.map((c) => (
                    <span key={c.id}>
                      {c.organisationName} <EscalationStatusTag e={c} />
                    </span>
                  ))}
                </Space>
              ),
            },
            { title: t('esc.due'), render: (_, e) => time(e.dueAt) },
            { title: t('esc.responseHours'), dataIndex: 'responseHours' },
            {
              title: '',
              render: (_, e) =>
                ['pending', 'accepted', 'info_requested'].includes(e.status) && (
                  <Button size="small" type="primary" onClick={() => setDispatching(e)} data-testid={`dispatch-${e.id}`}>
                    {t('esc.dispatch')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card title={t('esc.ranking')}>
        <DepartmentRanking rows={q.data?.ranking ?? []} />
      </Card>
      {dispatching && <DispatchDialog whistle={dispatching} onClose={() => setDispatching(null)} />}
    </Space>
  );
}

/** The departments' ranking table; the dashboard may show the same read model beside the communities' ranking. */
export function DepartmentRanking({ rows }: { rows: DepartmentRankingRow[] }) {
  const { t } = useT();
  return (
    <Table<DepartmentRankingRow>
      rowKey="organisationId"
      data-testid="department-ranking"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('esc.rank'), render: (_, __, i) => i + 1 },
        { title: t('esc.departments'), dataIndex: 'organisationName' },
        { title: t('esc.total'), dataIndex: 'total' },
        { title: t('esc.open'), dataIndex: 'open' },
        { title: t('esc.answered'), dataIndex: 'answered' },
        { title: t('esc.overdue'), dataIndex: 'overdue' },
        { title: t('esc.avgHours'), dataIndex: 'averageResponseHours' },
      ]}
    />
  );
}

function DispatchDialog({ whistle, onClose }: { whistle: Escalation; onClose(): void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const orgs = useQuery({
    queryKey: escalationsKeys.serving(whistle.communityId),
    queryFn: () => fetchServingOrganisations(whistle.communityId, 'department'),
  });
  const send = useMutation({
    mutationFn: (v: { organisationIds: number[]; dueAt?: Dayjs; reason: string }) =>
      dispatchEscalation(whistle.id, {
        reason: v.reason,
        departments: v.organisationIds.map((organisationId) => ({ organisationId, dueAt: v.dueAt ? v.dueAt.format() : undefined })),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: escalationsKeys.all });
      onClose();
    },
    onError: (err) => {
      const rest = applyApiError(form, err);
      if (rest) message.error(rest);
    },
  });
  void locale;
  return (
    <Modal
      open
      title={`${t('esc.dispatch')} · ${whistle.ticketCode}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={send.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)}>
        <Form.Item
          name="organisationIds"
          label={t('esc.departments')}
          rules={[{ required: true, message: t('esc.required', { field: t('esc.departments') }) }]}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            data-testid="dispatch-departments"
          />
        </Form.Item>
        <Form.Item name="dueAt" label={t('esc.due')} extra={t('esc.dueDefault')}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('esc.reason')} rules={[{ required: true, message: t('esc.required', { field: t('esc.reason') }) }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="dispatch-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
