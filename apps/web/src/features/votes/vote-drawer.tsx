import { App, Button, Descriptions, Drawer, Space, Table, Tag, Timeline } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleCan, voteChoiceLabels, voteEligibilityLabels, voteMatterLabels, voteOutcomeLabels, voteStatusLabels, type VoteTally } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { applyApiError } from '../../components/forms.js';
import { changeVoteStatus, fetchVote, votesKeys, type VoteAction, type VoteView } from './api.js';
import { fractionText } from './fractions.js';
import { VotersPanel } from './voters-panel.js';
import { voteOutcomeColor, voteStatusColor } from './votes-page.js';
import './messages.js';

/** One vote: what is asked, who votes under which rule, its steps (open, close, publish), the count and the voters. */
export function VoteDrawer({ id, onClose }: { id: number; onClose(): void }) {
  const { t, locale } = useT();
  const { me } = useSession();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: votesKeys.detail(id), queryFn: () => fetchVote(id) });
  const v = q.data;
  const mayWrite = roleCan(me.role, 'votes.write');
  const step = useMutation({
    mutationFn: (action: VoteAction) => changeVoteStatus(id, action),
    onSuccess: () => void qc.invalidateQueries({ queryKey: votesKeys.all }),
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  const confirm = (action: VoteAction, content: string) =>
    modal.confirm({ title: t(`vote.${action}`), content, okButtonProps: { 'data-testid': 'vote-confirm-ok' } as never, onOk: () => step.mutateAsync(action) });
  return (
    <Drawer open width={880} title={v?.title} onClose={onClose} data-testid="vote-drawer">
      {v && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <Tag color={voteStatusColor[v.status]} data-testid="vote-status">
              {voteStatusLabels[locale][v.status]}
            </Tag>
            {v.outcome && (
              <Tag color={voteOutcomeColor[v.outcome]} data-testid="vote-outcome">
                {voteOutcomeLabels[locale][v.outcome]}
              </Tag>
            )}
            {mayWrite && v.status === 'draft' && (
              <Button type="primary" size="small" onClick={() => confirm('open', t('vote.confirmOpen'))} data-testid="vote-open">
                {t('vote.open')}
              </Button>
            )}
            {mayWrite && v.status === 'open' && (
              <Button danger size="small" onClick={() => confirm('close', t('vote.confirmClose'))} data-testid="vote-close">
                {t('vote.close')}
              </Button>
            )}
            {mayWrite && v.status === 'closed' && (
              <Button
                type="primary"
                size="small"
                onClick={() => confirm('publish', t('vote.confirmPublish', { days: v.publicityDays }))}
                data-testid="vote-publish"
              >
                {t('vote.publish')}
              </Button>
            )}
            {mayWrite && (v.status === 'closed' || v.status === 'published') && (
              <Button size="small" onClick={() => step.mutate('archive')} data-testid="vote-archive">
                {t('vote.archive')}
              </Button>
            )}
          </Space>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('vote.compound')}>{v.compoundName ?? t('vote.wholeCommunity')}</Descriptions.Item>
            <Descriptions.Item label={t('vote.eligibility')}>{voteEligibilityLabels[locale][v.eligibility]}</Descriptions.Item>
            <Descriptions.Item label={t('vote.matter')} span={2}>
              {voteMatterLabels[locale][v.matter]}
            </Descriptions.Item>
            <Descriptions.Item label={t('vote.rule')} span={2}>
              <span data-testid="vote-rule">{ruleText(t, v)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('vote.opensAt')}>{formatTime(v.opensAt)}</Descriptions.Item>
            <Descriptions.Item label={t('vote.closesAt')}>{formatTime(v.closesAt)}</Descriptions.Item>
            <Descriptions.Item label={t('vote.voterCount')}>{v.voterCount}</Descriptions.Item>
            <Descriptions.Item label={t('vote.linksIssued')}>{v.linksIssued}</Descriptions.Item>
            <Descriptions.Item label={t('vote.publicityDays')}>{v.publicityDays}</Descriptions.Item>
            <Descriptions.Item label={t('vote.publicityUntil')}>{formatTime(v.publicityUntil)}</Descriptions.Item>
            {v.body && (
              <Descriptions.Item label={t('vote.body')} span={2}>
                <div style={{ whiteSpace: 'pre-wrap' }}>{v.body}</div>
              </Descriptions.Item>
            )}
          </Descriptions>
          {v.tally && (
            <>
              <h4 style={{ marginTop: 16 }}>{v.status === 'open' ? t('vote.liveResult') : t('vote.result')}</h4>
              <TallyTable tally={v.tally} weighted={v.rule.weighted} />
            </>
          )}
          {v.status !== 'draft' && <VotersPanel vote={v} />}
          <h4 style={{ marginTop: 16 }}>{t('vote.events')}</h4>
          <Timeline
            items={v.events.map((e) => ({
              children: `${formatTime(e.createdAt)} ${e.actorName ?? ''} ${e.toStatus ? voteStatusLabels[locale][e.toStatus as VoteView['status']] : e.action}${e.note ? ' · ' + e.note : ''}`,
            }))}
          />
        </>
      )}
    </Drawer>
  );
}

function ruleText(t: ReturnType<typeof useT>['t'], v: VoteView): string {
  const text = t('vote.ruleText', { quorum: fractionText(t, v.rule.quorum), threshold: fractionText(t, v.rule.threshold) });
  return v.rule.statutory ? t('vote.art278') + text + t('vote.weighted') : text + (v.rule.weighted ? t('vote.weighted') : '');
}

/** The count: eligible, took part, yes, no, abstain — in people and, for owners, in floor area. */
export function TallyTable({ tally, weighted }: { tally: VoteTally; weighted: boolean }) {
  const { t, locale } = useT();
  const rows = [
    { key: 'eligible', label: t('vote.eligible'), ...tally.eligible },
    { key: 'participated', label: t('vote.participated'), ...tally.participated },
    { key: 'yes', label: voteChoiceLabels[locale].yes, ...tally.yes },
    { key: 'no', label: voteChoiceLabels[locale].no, ...tally.no },
    { key: 'abstain', label: voteChoiceLabels[locale].abstain, ...tally.abstain },
  ];
  return (
    <>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        data-testid="vote-tally"
        onRow={(r) => ({ 'data-testid': `tally-${r.key}` }) as never}
        columns={[
          { title: '', dataIndex: 'label' },
          { title: t('vote.people'), dataIndex: 'count' },
          ...(weighted ? [{ title: t('vote.areaCol'), dataIndex: 'area' }] : []),
        ]}
      />
      <p className="muted" data-testid="vote-quorum">
        {tally.quorumMet ? t('vote.quorumMet') : t('vote.quorumNotMet')} · {t('vote.byChannel', tally.byChannel)}
      </p>
    </>
  );
}
