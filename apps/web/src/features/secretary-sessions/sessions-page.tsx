import { useState } from 'react';
import { Alert, Button, Card, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { commitmentStateLabels, roleCan, type SecretarySessionSummary, type SessionCommitment } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { fetchCommitments, fetchSessions, sessionsKeys, type CommitmentQuery } from './api.js';
import { CommitmentTag, FollowUpDialog } from './items.js';
import { SessionForm } from './session-form.js';
import './messages.js';

/** 书记面对面: the community's sessions, and every commitment made at them with its follow-up state (overdue first). */
export function SecretarySessionsPage() {
  const { t } = useT();
  const { me, communityId } = useSession();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const canWrite = roleCan(me.role, 'sessions.write');
  const sessions = useQuery({ queryKey: sessionsKeys.list(communityId, page), queryFn: () => fetchSessions(communityId, page) });
  const overdue = useQuery({ queryKey: sessionsKeys.commitments(communityId, 'overdue'), queryFn: () => fetchCommitments(communityId, 'overdue') });
  const overdueCount = overdue.data?.total ?? 0;
  return (
    <Card
      title={t('sessions.title')}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="session-new">
            {t('sessions.new')}
          </Button>
        )
      }
    >
      {overdueCount > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('sessions.overdueBanner', { n: overdueCount })} data-testid="sessions-overdue" />
      )}
      <Tabs
        items={[
          {
            key: 'sessions',
            label: t('sessions.list'),
            children: (
              <Table<SecretarySessionSummary>
                rowKey="id"
                size="small"
                data-testid="sessions-table"
                loading={sessions.isLoading}
                dataSource={sessions.data?.items ?? []}
                pagination={{ current: page, pageSize: 20, total: sessions.data?.total ?? 0, onChange: setPage }}
                onRow={(r) => ({ onClick: () => navigate(`/secretary-sessions/${r.id}`), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('sessions.heldOn'), dataIndex: 'heldOn', render: (d: string, r) => `${d}${r.startsAt ? ` ${r.startsAt}` : ''}` },
                  { title: t('sessions.sessionTitle'), dataIndex: 'title' },
                  { title: t('sessions.place'), dataIndex: 'place' },
                  {
                    title: t('sessions.attendees'),
                    dataIndex: 'attendees',
                    render: (as: SecretarySessionSummary['attendees']) => (
                      <Space size={[4, 4]} wrap>
                        {as.map((a) => (
                          <Tag key={a.organisationId}>{a.organisationName}</Tag>
                        ))}
                      </Space>
                    ),
                  },
                  { title: t('sessions.itemCount'), dataIndex: 'itemCount' },
                  { title: t('sessions.openCommitments'), dataIndex: 'openCommitments' },
                  {
                    title: t('sessions.overdueCommitments'),
                    dataIndex: 'overdueCommitments',
                    render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n),
                  },
                ]}
              />
            ),
          },
          { key: 'commitments', label: t('sessions.commitments'), children: <CommitmentsList canWrite={canWrite} /> },
        ]}
      />
      {creating && (
        <SessionForm
          onClose={(id) => {
            setCreating(false);
            if (id) navigate(`/secretary-sessions/${id}`);
          }}
        />
      )}
    </Card>
  );
}

type State = NonNullable<CommitmentQuery['state']>;

function CommitmentsList({ canWrite }: { canWrite: boolean }) {
  const { t, locale } = useT();
  const { communityId } = useSession();
  const navigate = useNavigate();
  const [state, setState] = useState<State | 'all'>('all');
  const [following, setFollowing] = useState<SessionCommitment | null>(null);
  const q = useQuery({
    queryKey: sessionsKeys.commitments(communityId, state),
    queryFn: () => fetchCommitments(communityId, state === 'all' ? undefined : state),
  });
  const states: (State | 'all')[] = ['all', 'overdue', 'open', 'kept', 'broken'];
  const label = (s: State | 'all') => (s === 'all' ? t('sessions.all') : commitmentStateLabels[locale][s]);
  return (
    <>
      <Segmented
        value={state}
        onChange={(v) => setState(v as State | 'all')}
        options={states.map((s) => ({ value: s, label: label(s) }))}
        style={{ marginBottom: 12 }}
      />
      <Table<SessionCommitment>
        rowKey="id"
        size="small"
        data-testid="commitments-table"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('sessions.organisation'), dataIndex: 'organisationName' },
          { title: t('sessions.subject'), dataIndex: 'subject' },
          { title: t('sessions.commitment'), dataIndex: 'commitment' },
          { title: t('sessions.promisedOn'), dataIndex: 'promisedOn' },
          { title: t('sessions.state'), dataIndex: 'commitmentState', render: (s: SessionCommitment['commitmentState']) => <CommitmentTag state={s} /> },
          {
            title: t('sessions.session'),
            dataIndex: 'sessionTitle',
            render: (title: string, r) => (
              <Typography.Link onClick={() => navigate(`/secretary-sessions/${r.sessionId}`)}>
                {r.heldOn} {title}
              </Typography.Link>
            ),
          },
          {
            key: 'act',
            render: (_: unknown, r) =>
              canWrite && (r.commitmentState === 'open' || r.commitmentState === 'overdue') ? (
                <Button size="small" onClick={() => setFollowing(r)} data-testid={`follow-up-${r.id}`}>
                  {t('sessions.followUp')}
                </Button>
              ) : null,
          },
        ]}
      />
      {following && <FollowUpDialog item={following} onClose={() => setFollowing(null)} />}
    </>
  );
}
