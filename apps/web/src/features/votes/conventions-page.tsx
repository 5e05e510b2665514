import { useState } from 'react';
import { App, Button, Card, Drawer, Form, Input, List, Modal, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleCan, voteOutcomeLabels, type Convention } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { applyApiError, clearErrorsOnChange, requiredRule, testIdProps } from '../../components/forms.js';
import { CompoundSelect } from '../places/pickers.js';
import { conventionsKeys, createConvention, fetchConvention, fetchConventions, proposeConventionVersion } from './api.js';
import { VoteFormDialog } from './vote-form.js';
import './messages.js';

type ConventionRow = Omit<Convention, 'versions'>;
const versionColor = { proposed: 'blue', voting: 'processing', current: 'success', superseded: 'default', rejected: 'red' } as const;

/** 小区公约: each compound's (or the community's) convention, its versions, and which vote adopted each. */
export function ConventionsPage() {
  const { t } = useT();
  const { me, communityId } = useSession();
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: conventionsKeys.list(communityId), queryFn: () => fetchConventions(communityId) });
  return (
    <Card
      title={t('conv.title')}
      extra={
        roleCan(me.role, 'conventions.write') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="convention-new">
            {t('conv.new')}
          </Button>
        )
      }
    >
      <Table<ConventionRow>
        rowKey="id"
        size="small"
        data-testid="conventions-table"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' }, 'data-testid': `convention-row-${r.id}` }) as never}
        columns={[
          { title: t('conv.name'), dataIndex: 'title' },
          { title: t('vote.compound'), dataIndex: 'compoundName', render: (c: string | null) => c ?? t('vote.wholeCommunity') },
          {
            title: t('conv.current'),
            dataIndex: 'currentVersionNo',
            render: (n: number | null) => (n ? t('conv.version', { n }) : <Tag>{t('conv.noCurrent')}</Tag>),
          },
        ]}
      />
      {open !== null && <ConventionDrawer id={open} onClose={() => setOpen(null)} />}
      {creating && <NewConventionDialog onClose={() => setCreating(false)} onCreated={(id) => (setCreating(false), setOpen(id))} />}
    </Card>
  );
}

function ConventionDrawer({ id, onClose }: { id: number; onClose(): void }) {
  const { t, locale } = useT();
  const { me } = useSession();
  const q = useQuery({ queryKey: conventionsKeys.detail(id), queryFn: () => fetchConvention(id) });
  const [dialog, setDialog] = useState<'propose' | 'vote' | null>(null);
  const c = q.data;
  const mayWrite = roleCan(me.role, 'conventions.write');
  const current = c?.versions.find((v) => v.status === 'current');
  const hasProposed = c?.versions.some((v) => v.status === 'proposed');
  const phoneLink = `/h5/convention?id=${id}`;
  return (
    <Drawer open width={760} title={c?.title} onClose={onClose} data-testid="convention-drawer">
      {c && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <span>{c.compoundName ?? t('vote.wholeCommunity')}</span>
            <a href={phoneLink} target="_blank" rel="noreferrer" data-testid="convention-phone-link">
              {t('conv.phoneLink')}
            </a>
            {mayWrite && (
              <Button size="small" onClick={() => setDialog('propose')} data-testid="convention-propose">
                {t('conv.propose')}
              </Button>
            )}
            {mayWrite && hasProposed && (
              <Button size="small" type="primary" onClick={() => setDialog('vote')} data-testid="convention-to-vote">
                {t('conv.toVote')}
              </Button>
            )}
          </Space>
          <h4>{t('conv.current')}</h4>
          {current ? (
            <div style={{ whiteSpace: 'pre-wrap' }} data-testid="convention-current">
              {current.body}
            </div>
          ) : (
            <p className="muted">{t('conv.noCurrent')}</p>
          )}
          <h4 style={{ marginTop: 16 }}>{t('conv.versions')}</h4>
          <List
            size="small"
            dataSource={[...c.versions].reverse()}
            renderItem={(v) => (
              <List.Item data-testid={`convention-version-${v.versionNo}`}>
                <List.Item.Meta
                  title={
                    <Space>
                      {t('conv.version', { n: v.versionNo })}
                      <Tag color={versionColor[v.status]}>{t(`conv.status.${v.status}`)}</Tag>
                      {v.voteId && (
                        <a href={`/votes?id=${v.voteId}`} data-testid={`convention-vote-${v.versionNo}`}>
                          {t('conv.adoptedBy')} #{v.voteId}
                          {v.voteOutcome ? ` · ${voteOutcomeLabels[locale][v.voteOutcome]}` : ''}
                        </a>
                      )}
                    </Space>
                  }
                  description={v.adoptedAt ? `${t('conv.adoptedAt')} ${formatTime(v.adoptedAt)}` : formatTime(v.createdAt)}
                />
              </List.Item>
            )}
          />
        </>
      )}
      {dialog === 'propose' && <ProposeDialog id={id} base={current?.body ?? ''} onClose={() => setDialog(null)} />}
      {dialog === 'vote' && c && (
        <VoteFormDialog
          draft={{ conventionId: id, title: c.title, compoundId: c.compoundId }}
          onClose={() => setDialog(null)}
          onCreated={() => setDialog(null)}
        />
      )}
    </Drawer>
  );
}

function NewConventionDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: number): void }) {
  const { t } = useT();
  const { communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ title: string; compoundId?: number | null; body: string }>();
  const labels = { title: t('conv.name'), body: t('conv.text') };
  const run = useMutation({
    mutationFn: (v: { title: string; compoundId?: number | null; body: string }) =>
      createConvention({ title: v.title, compoundId: v.compoundId ?? null, body: v.body, communityId: communityId ?? undefined }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: conventionsKeys.all });
      onCreated(c.id);
    },
    onError: (err) => {
      const rest = applyApiError(form, err, labels);
      if (rest) message.error(rest);
    },
  });
  return (
    <Modal
      open
      width={680}
      title={t('conv.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okButtonProps={testIdProps('convention-ok')}
    >
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name="title" label={labels.title} rules={[requiredRule(t, labels.title)]}>
          <Input maxLength={120} data-testid="convention-title" />
        </Form.Item>
        <Form.Item name="compoundId" label={t('vote.compound')} extra={t('vote.compoundHint')}>
          <CompoundSelect />
        </Form.Item>
        <Form.Item name="body" label={labels.body} rules={[requiredRule(t, labels.body)]}>
          <Input.TextArea rows={10} maxLength={20000} data-testid="convention-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ProposeDialog({ id, base, onClose }: { id: number; base: string; onClose(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ body: string }>();
  const run = useMutation({
    mutationFn: (v: { body: string }) => proposeConventionVersion(id, v.body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: conventionsKeys.all });
      onClose();
    },
    onError: (err) => {
      const rest = applyApiError(form, err, { body: t('conv.text') });
      if (rest) message.error(rest);
    },
  });
  return (
    <Modal
      open
      width={680}
      title={t('conv.propose')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okButtonProps={testIdProps('propose-ok')}
    >
      <Form form={form} layout="vertical" initialValues={{ body: base }} onFinish={(v) => run.mutate(v)}>
        <Form.Item name="body" label={t('conv.text')} rules={[requiredRule(t, t('conv.text'))]}>
          <Input.TextArea rows={12} maxLength={20000} data-testid="propose-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
