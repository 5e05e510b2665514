import { useState } from 'react';
import { App, Button, Card, DatePicker, Drawer, Form, Input, InputNumber, Progress, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { roleCan } from '@linli/contracts';
import { projectSourceKinds, projectSourceLabels, projectStatusLabels, projectStatuses, type ProjectStatus } from '@linli/contracts/project-labels';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, requiredRule } from '../../components/forms.js';
import { createProject, fetchProjects, projectsKeys, type ProjectRow } from './api.js';
import { ProjectDrawer } from './project-drawer.js';
import { projectStatusColor, yuan } from './present.js';
import './messages.js';

/** 为民办实事: the community's projects with status and progress; a row opens the project's drawer. */
export function ProjectsPage() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const [status, setStatus] = useState<ProjectStatus | undefined>();
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: projectsKeys.list(communityId, status), queryFn: () => fetchProjects(communityId, status) });
  const open = list.data?.items.find((p) => p.id === openId);
  return (
    <Card
      title={t('prj.title')}
      extra={
        <Space wrap>
          <Select<ProjectStatus>
            allowClear
            placeholder={t('prj.allStatuses')}
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={projectStatuses.map((s) => ({ value: s, label: projectStatusLabels[locale][s] }))}
            data-testid="prj-status-filter"
          />
          {me && roleCan(me.role, 'projects.write') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="prj-new">
              {t('prj.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<ProjectRow>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 820 }}
        data-testid="prj-table"
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('prj.name'), dataIndex: 'title' },
          { title: t('prj.status'), render: (_, p) => <Tag color={projectStatusColor[p.status]}>{projectStatusLabels[locale][p.status]}</Tag> },
          { title: t('prj.percent'), width: 160, render: (_, p) => <Progress percent={p.percent} size="small" /> },
          { title: t('prj.plannedEnd'), dataIndex: 'plannedEnd' },
          { title: t('prj.lead'), render: (_, p) => p.claims.find((c) => c.role === 'lead')?.unitName ?? '' },
          {
            title: t('prj.funding'),
            render: (_, p) => (p.funding.length ? t('prj.total', { amount: yuan(p.funding.reduce((s, f) => s + f.amountYuan, 0)) }) : ''),
          },
          {
            title: t('prj.rating'),
            render: (_, p) => (p.rating.count ? t('prj.ratingValue', { avg: String(p.rating.average), n: String(p.rating.count) }) : ''),
          },
        ]}
      />
      {creating && <CreateDrawer communityId={communityId} onClose={() => setCreating(false)} />}
      {open && <ProjectDrawer project={open} onClose={() => setOpenId(null)} />}
    </Card>
  );
}

interface CreateValues {
  title: string;
  content: string;
  sourceKind: (typeof projectSourceKinds)[number];
  plannedStart?: Dayjs;
  plannedEnd?: Dayjs;
  funding?: Array<{ source: string; amountYuan: number }>;
}

function CreateDrawer({ communityId, onClose }: { communityId: number | null; onClose(): void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const labels = {
    title: t('prj.name'),
    content: t('prj.content'),
    plannedStart: t('prj.plannedStart'),
    plannedEnd: t('prj.plannedEnd'),
    funding: t('prj.funding'),
    sourceKind: t('prj.source'),
  };
  const save = useMutation({
    mutationFn: (v: CreateValues) =>
      createProject({
        communityId: communityId ?? undefined,
        title: v.title,
        content: v.content,
        sourceKind: v.sourceKind,
        plannedStart: v.plannedStart?.format('YYYY-MM-DD') ?? null,
        plannedEnd: v.plannedEnd?.format('YYYY-MM-DD') ?? null,
        funding: (v.funding ?? []).filter((f) => f?.source),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: projectsKeys.all });
      message.success(t('prj.saved'));
      onClose();
    },
    onError: (err) => {
      const rest = applyApiError(form, err, labels);
      if (rest) message.error(rest);
    },
  });
  return (
    <Drawer open title={t('prj.new')} onClose={onClose} size={Math.min(520, window.innerWidth)} data-testid="prj-create">
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ sourceKind: 'staff', funding: [] }}>
        <Form.Item name="title" label={t('prj.name')} rules={[requiredRule(t, t('prj.name'))]}>
          <Input maxLength={80} data-testid="prj-title" />
        </Form.Item>
        <Form.Item name="content" label={t('prj.content')} rules={[requiredRule(t, t('prj.content'))]}>
          <Input.TextArea maxLength={2000} rows={3} data-testid="prj-content" />
        </Form.Item>
        <Form.Item name="sourceKind" label={t('prj.source')}>
          <Select options={projectSourceKinds.map((k) => ({ value: k, label: projectSourceLabels[locale][k] }))} />
        </Form.Item>
        <Space>
          <Form.Item name="plannedStart" label={t('prj.plannedStart')}>
            <DatePicker data-testid="prj-start" />
          </Form.Item>
          <Form.Item name="plannedEnd" label={t('prj.plannedEnd')}>
            <DatePicker data-testid="prj-end" />
          </Form.Item>
        </Space>
        <Form.List name="funding">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'source']} rules={[requiredRule(t, t('prj.fundingSource'))]}>
                    <Input placeholder={t('prj.fundingSource')} maxLength={60} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amountYuan']} rules={[requiredRule(t, t('prj.amount'))]}>
                    <InputNumber placeholder={t('prj.amount')} min={0} style={{ width: 140 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Form.Item>
                <Button type="dashed" onClick={() => add()} data-testid="prj-add-funding">
                  {t('prj.addFunding')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="prj-save">
          {t('prj.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
