import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Progress,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { roleCan } from '@linli/contracts';
import { projectSourceLabels, projectStatusLabels, projectUnitKinds, projectUnitLabels, type ProjectUnitKind } from '@linli/contracts/project-labels';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatDate } from '../../lib/time.js';
import { applyApiError, requiredRule, testIdProps } from '../../components/forms.js';
import {
  addMilestone,
  claimProject,
  completeMilestone,
  fetchPartnerNames,
  projectsKeys,
  setProgress,
  stepProject,
  type ProjectRow,
  type ProjectStep,
} from './api.js';
import { projectStatusColor, yuan } from './present.js';
import './messages.js';

/** One project: its facts, funding, units and milestones, and the steps the actor may take now. */
export function ProjectDrawer({ project: p, onClose }: { project: ProjectRow; onClose(): void }) {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canWrite = !!me && roleCan(me.role, 'projects.write');
  const canClaim = !!me && roleCan(me.role, 'projects.claim');
  const done = () => {
    void qc.invalidateQueries({ queryKey: projectsKeys.all });
    message.success(t('prj.done'));
  };
  const fail = (err: unknown) => message.error(applyApiError(undefined, err, { percent: t('prj.percent') }));
  const step = useMutation({ mutationFn: (s: ProjectStep) => stepProject(p.id, s, communityId), onSuccess: done, onError: fail });
  const markDone = useMutation({ mutationFn: (mid: number) => completeMilestone(p.id, mid, communityId), onSuccess: done, onError: fail });
  const lead = p.claims.filter((c) => c.role === 'lead');
  const co = p.claims.filter((c) => c.role === 'co');
  const unit = (c: ProjectRow['claims'][number]) => `${c.unitName}（${projectUnitLabels[locale][c.unitKind]}）`;
  const total = p.funding.reduce((s, f) => s + f.amountYuan, 0);
  const progressing = p.status === 'claimed' || p.status === 'in_progress';
  return (
    <Drawer open title={p.title} onClose={onClose} size={Math.min(620, window.innerWidth)} data-testid="prj-drawer">
      <Space style={{ marginBottom: 12 }} wrap>
        <Tag color={projectStatusColor[p.status]} data-testid="prj-drawer-status">
          {projectStatusLabels[locale][p.status]}
        </Tag>
        {canWrite && p.status === 'proposed' && (
          <>
            <Button type="primary" onClick={() => step.mutate('approve')} loading={step.isPending} data-testid="prj-approve">
              {t('prj.approve')}
            </Button>
            <Button danger onClick={() => step.mutate('reject')} data-testid="prj-reject">
              {t('prj.reject')}
            </Button>
          </>
        )}
        {canWrite && p.status === 'in_progress' && (
          <Popconfirm title={t('prj.completeConfirm')} onConfirm={() => step.mutate('complete')} okButtonProps={testIdProps('prj-complete-ok')}>
            <Button type="primary" data-testid="prj-complete">
              {t('prj.complete')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Progress percent={p.percent} data-testid="prj-drawer-percent" />
      <Descriptions column={1} size="small" bordered style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('prj.content')}>{p.content}</Descriptions.Item>
        <Descriptions.Item label={t('prj.source')}>{projectSourceLabels[locale][p.sourceKind]}</Descriptions.Item>
        <Descriptions.Item label={t('prj.plannedStart')}>{p.plannedStart ?? ''}</Descriptions.Item>
        <Descriptions.Item label={t('prj.plannedEnd')}>{p.plannedEnd ?? ''}</Descriptions.Item>
        {p.completedAt && <Descriptions.Item label={t('prj.completedAt')}>{formatDate(p.completedAt)}</Descriptions.Item>}
        <Descriptions.Item label={t('prj.funding')}>
          {p.funding.length ? (
            <div data-testid="prj-funding">
              {p.funding.map((f) => (
                <div key={f.id}>
                  {f.source}：{yuan(f.amountYuan)} {locale === 'en' ? 'yuan' : '元'}
                </div>
              ))}
              {p.funding.length > 1 && <Typography.Text strong>{t('prj.total', { amount: yuan(total) })}</Typography.Text>}
            </div>
          ) : (
            t('prj.noFunding')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('prj.lead')}>
          {lead.length ? lead.map(unit).join('、') : t('prj.noClaims')}
          {p.claimEvent && <div style={{ color: '#888' }}>{t('prj.claimedAt', { event: p.claimEvent })}</div>}
        </Descriptions.Item>
        <Descriptions.Item label={t('prj.co')}>{co.map(unit).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('prj.rating')}>
          <span data-testid="prj-rating">
            {p.rating.count ? t('prj.ratingValue', { avg: String(p.rating.average), n: String(p.rating.count) }) : t('prj.noRating')}
          </span>
        </Descriptions.Item>
      </Descriptions>

      {canClaim && (p.status === 'approved' || progressing) && <ClaimForm project={p} role={p.status === 'approved' ? 'lead' : 'co'} />}
      {canWrite && progressing && <ProgressForm project={p} />}

      <Divider titlePlacement="start">{t('prj.milestones')}</Divider>
      <List
        size="small"
        data-testid="prj-milestones"
        locale={{ emptyText: t('prj.noMilestones') }}
        dataSource={p.milestones}
        renderItem={(m) => (
          <List.Item
            actions={
              canWrite && !m.doneAt
                ? [
                    <Button key="done" size="small" type="link" onClick={() => markDone.mutate(m.id)} data-testid={`prj-milestone-done-${m.id}`}>
                      {t('prj.markDone')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space>
              <span>{m.title}</span>
              {m.doneAt ? (
                <Tag color="green">
                  {t('prj.milestoneDone')} {formatDate(m.doneAt)}
                </Tag>
              ) : (
                m.dueOn && <Typography.Text type="secondary">{t('prj.milestoneDue', { date: m.dueOn })}</Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
      {canWrite && !['completed', 'evaluated', 'rejected'].includes(p.status) && <MilestoneForm project={p} />}
    </Drawer>
  );
}

function ClaimForm({ project: p, role }: { project: ProjectRow; role: 'lead' | 'co' }) {
  const { t, locale } = useT();
  const { communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ unitKind: ProjectUnitKind; partnerId?: number; unitName?: string; claimEvent?: string }>();
  const kind = Form.useWatch('unitKind', form);
  const partners = useQuery({ queryKey: projectsKeys.partners(communityId), queryFn: () => fetchPartnerNames(communityId), enabled: kind === 'partner' });
  const save = useMutation({
    mutationFn: (v: { unitKind: ProjectUnitKind; partnerId?: number; unitName?: string; claimEvent?: string }) => {
      const partner = v.unitKind === 'partner' ? partners.data?.find((x) => x.id === v.partnerId) : undefined;
      return claimProject(p.id, communityId, {
        unitKind: v.unitKind,
        unitId: partner?.id ?? null,
        unitName: partner?.name ?? v.unitName ?? '',
        role,
        claimEvent: v.claimEvent || null,
      });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: projectsKeys.all });
      message.success(t('prj.done'));
      form.resetFields();
    },
    onError: (err) => {
      const rest = applyApiError(form, err, { unitName: t('prj.unitName'), unitKind: t('prj.unitKind'), claimEvent: t('prj.claimEvent') });
      if (rest) message.error(rest);
    },
  });
  return (
    <>
      <Divider titlePlacement="start">{role === 'lead' ? t('prj.claimLead') : t('prj.claimCo')}</Divider>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ unitKind: 'partner' }} data-testid="prj-claim-form">
        <Space wrap align="start">
          <Form.Item name="unitKind" label={t('prj.unitKind')}>
            <Select
              style={{ width: 130 }}
              options={projectUnitKinds.map((k) => ({ value: k, label: projectUnitLabels[locale][k] }))}
              data-testid="prj-claim-kind"
            />
          </Form.Item>
          {kind === 'partner' ? (
            <Form.Item name="partnerId" label={t('prj.pickPartner')} rules={[requiredRule(t, t('prj.pickPartner'), 'choose')]}>
              <Select
                style={{ width: 220 }}
                showSearch
                optionFilterProp="label"
                options={(partners.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
                data-testid="prj-claim-partner"
              />
            </Form.Item>
          ) : (
            <Form.Item name="unitName" label={t('prj.unitName')} rules={[requiredRule(t, t('prj.unitName'))]}>
              <Input style={{ width: 220 }} maxLength={80} data-testid="prj-claim-name" />
            </Form.Item>
          )}
          {role === 'lead' && (
            <Form.Item name="claimEvent" label={t('prj.claimEvent')}>
              <Input style={{ width: 180 }} maxLength={80} placeholder={t('prj.claimEventHint')} data-testid="prj-claim-event" />
            </Form.Item>
          )}
        </Space>
        <Button htmlType="submit" type={role === 'lead' ? 'primary' : 'default'} loading={save.isPending} data-testid="prj-claim">
          {t('prj.claim')}
        </Button>
      </Form>
    </>
  );
}

function ProgressForm({ project: p }: { project: ProjectRow }) {
  const { t } = useT();
  const { communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ percent: number; note?: string }>();
  const save = useMutation({
    mutationFn: (v: { percent: number; note?: string }) => setProgress(p.id, communityId, v.percent, v.note),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: projectsKeys.all });
      message.success(t('prj.done'));
    },
    onError: (err) => {
      const rest = applyApiError(form, err, { percent: t('prj.percent'), note: t('prj.note') });
      if (rest) message.error(rest);
    },
  });
  return (
    <>
      <Divider titlePlacement="start">{t('prj.progress')}</Divider>
      <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)} initialValues={{ percent: p.percent }}>
        <Form.Item name="percent" label={t('prj.percent')} rules={[requiredRule(t, t('prj.percent'))]}>
          <InputNumber addonAfter="%" style={{ width: 120 }} data-testid="prj-percent" />
        </Form.Item>
        <Form.Item name="note">
          <Input placeholder={t('prj.note')} maxLength={500} style={{ width: 200 }} />
        </Form.Item>
        <Button htmlType="submit" loading={save.isPending} data-testid="prj-save-progress">
          {t('prj.saveProgress')}
        </Button>
      </Form>
    </>
  );
}

function MilestoneForm({ project: p }: { project: ProjectRow }) {
  const { t } = useT();
  const { communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ title: string; dueOn?: Dayjs }>();
  const [key, setKey] = useState(0);
  const save = useMutation({
    mutationFn: (v: { title: string; dueOn?: Dayjs }) => addMilestone(p.id, communityId, { title: v.title, dueOn: v.dueOn?.format('YYYY-MM-DD') ?? null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: projectsKeys.all });
      form.resetFields();
      setKey(key + 1);
    },
    onError: (err) => {
      const rest = applyApiError(form, err, { title: t('prj.milestone'), dueOn: t('prj.dueOn') });
      if (rest) message.error(rest);
    },
  });
  return (
    <Form key={key} form={form} layout="inline" onFinish={(v) => save.mutate(v)} style={{ marginTop: 8 }}>
      <Form.Item name="title" rules={[requiredRule(t, t('prj.milestone'))]}>
        <Input placeholder={t('prj.milestone')} maxLength={80} data-testid="prj-milestone-title" />
      </Form.Item>
      <Form.Item name="dueOn">
        <DatePicker placeholder={t('prj.dueOn')} />
      </Form.Item>
      <Button htmlType="submit" loading={save.isPending} data-testid="prj-add-milestone">
        {t('prj.addMilestone')}
      </Button>
    </Form>
  );
}
