import { useState } from 'react';
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import {
  roleCan,
  voteEligibilityLabels,
  voteMatterLabels,
  voteOutcomeLabels,
  voteStatusLabels,
  voteStatuses,
  type VoteOutcome,
  type VoteStatus,
  type VoteSummary,
} from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { fetchVotes, votesKeys, type VoteListQuery } from './api.js';
import { VoteDrawer } from './vote-drawer.js';
import { VoteFormDialog, type VoteDraft } from './vote-form.js';
import './messages.js';

export const voteStatusColor: Record<VoteStatus, string> = { draft: 'default', open: 'processing', closed: 'gold', published: 'success', archived: 'default' };
export const voteOutcomeColor: Record<VoteOutcome, string> = { passed: 'green', failed: 'red', no_quorum: 'orange' };

/** A draft from the address: `/votes?topicId=…&title=…&compoundId=…` is where a meeting topic's "发起表决" leads. */
function draftFrom(params: URLSearchParams): VoteDraft | null {
  const topicId = Number(params.get('topicId'));
  if (!topicId) return null;
  return { topicId, title: params.get('title') ?? undefined, compoundId: Number(params.get('compoundId')) || null };
}

/** 表决: the community's votes (status, kind, deadline, outcome); a row opens the vote, staff start new ones. */
export function VotesPage() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState<VoteListQuery>({ page: 1, pageSize: 50 });
  const [open, setOpen] = useState<number | null>(Number(params.get('id')) || null);
  const [draft, setDraft] = useState<VoteDraft | null>(() => draftFrom(params));
  const query = { ...q, communityId: communityId ?? undefined };
  const list = useQuery({ queryKey: votesKeys.list(query), queryFn: () => fetchVotes(query) });
  const mayWrite = roleCan(me.role, 'votes.write');
  const closeDraft = () => {
    setDraft(null);
    if (params.has('topicId')) setParams({}, { replace: true });
  };
  return (
    <Card
      title={t('vote.title')}
      extra={
        mayWrite && (
          <Button type="primary" onClick={() => setDraft({})} data-testid="vote-new">
            {t('vote.new')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('vote.status')}
          style={{ width: 140 }}
          onChange={(v) => setQ((o) => ({ ...o, status: v, page: 1 }))}
          options={voteStatuses.map((s) => ({ value: s, label: voteStatusLabels[locale][s] }))}
          data-testid="vote-status-filter"
        />
      </Space>
      <Table<VoteSummary>
        rowKey="id"
        size="small"
        data-testid="votes-table"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('vote.none') }}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setQ((o) => ({ ...o, page, pageSize })),
        }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' }, 'data-testid': `vote-row-${r.id}` }) as never}
        columns={[
          { title: t('vote.name'), dataIndex: 'title' },
          { title: t('vote.compound'), dataIndex: 'compoundName', render: (c: string | null) => c ?? t('vote.wholeCommunity') },
          { title: t('vote.eligibility'), dataIndex: 'eligibility', render: (e: VoteSummary['eligibility']) => voteEligibilityLabels[locale][e] },
          { title: t('vote.matter'), dataIndex: 'matter', render: (m: VoteSummary['matter']) => voteMatterLabels[locale][m].replace(/（.*）$/, '') },
          { title: t('vote.deadline'), dataIndex: 'closesAt', render: (d: string) => formatTime(d) },
          {
            title: t('vote.turnout'),
            key: 'turnout',
            render: (_: unknown, r) =>
              r.voterCount > 0 ? (
                <span data-testid={`vote-turnout-${r.id}`}>{`${r.ballotCount} / ${r.voterCount}（${Math.round((r.ballotCount / r.voterCount) * 100)}%）`}</span>
              ) : (
                '—'
              ),
          },
          {
            title: t('vote.status'),
            dataIndex: 'status',
            render: (s: VoteStatus) => <Tag color={voteStatusColor[s]}>{voteStatusLabels[locale][s]}</Tag>,
          },
          {
            title: t('vote.outcome'),
            dataIndex: 'outcome',
            render: (o: VoteOutcome | null) => o && <Tag color={voteOutcomeColor[o]}>{voteOutcomeLabels[locale][o]}</Tag>,
          },
        ]}
      />
      {open !== null && <VoteDrawer id={open} onClose={() => setOpen(null)} />}
      {draft && (
        <VoteFormDialog
          draft={draft}
          onClose={closeDraft}
          onCreated={(id) => {
            closeDraft();
            setOpen(id);
          }}
        />
      )}
    </Card>
  );
}
