import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, QRCode, Radio, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleCan, voteChannelLabels, voteChoiceLabels, voteChoices, type VoteChoice } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { applyApiError, clearErrorsOnChange, requiredRule, testIdProps } from '../../components/forms.js';
import { enterPaperBallot, fetchVoters, issueVoteLinks, votesKeys, type IssuedLinks, type VoterListQuery, type VoterRow, type VoteView } from './api.js';
import './messages.js';

/** The frozen voter list: who has a link, who voted and how (never the choice); links and paper ballots from here. */
export function VotersPanel({ vote }: { vote: VoteView }) {
  const { t, locale } = useT();
  const { me } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [q, setQ] = useState<VoterListQuery>({ page: 1, pageSize: 20 });
  const [links, setLinks] = useState<IssuedLinks | null>(null);
  const [paperFor, setPaperFor] = useState<VoterRow | null>(null);
  const voters = useQuery({ queryKey: votesKeys.voters(vote.id, q), queryFn: () => fetchVoters(vote.id, q) });
  const isOpen = vote.status === 'open';
  const mayLinks = isOpen && roleCan(me.role, 'votes.write');
  const mayPaper = isOpen && roleCan(me.role, 'votes.ballots');
  // The links come back once, in this answer; they are kept only in this component's state, never in the query cache.
  const issue = useMutation({
    mutationFn: (voterIds?: number[]) => issueVoteLinks(vote.id, voterIds),
    onSuccess: (r) => {
      setLinks(r);
      void qc.invalidateQueries({ queryKey: votesKeys.all });
    },
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  return (
    <>
      <h4 style={{ marginTop: 16 }}>
        {t('vote.voters')}{' '}
        {mayLinks && (
          <Button size="small" onClick={() => issue.mutate(undefined)} loading={issue.isPending} data-testid="vote-issue-links">
            {t('vote.issueLinks')}
          </Button>
        )}
      </h4>
      <Space style={{ marginBottom: 8 }}>
        <Input.Search allowClear placeholder={t('vote.search')} onSearch={(v) => setQ((o) => ({ ...o, q: v || undefined, page: 1 }))} style={{ width: 200 }} />
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t('vote.voted')}
          onChange={(v) => setQ((o) => ({ ...o, voted: v, page: 1 }))}
          options={[
            { value: 'yes', label: t('vote.voted') },
            { value: 'no', label: t('vote.notVoted') },
          ]}
        />
      </Space>
      <Table<VoterRow>
        rowKey="id"
        size="small"
        data-testid="vote-voters"
        loading={voters.isLoading}
        dataSource={voters.data?.items ?? []}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: voters.data?.total ?? 0,
          onChange: (page, pageSize) => setQ((o) => ({ ...o, page, pageSize })),
        }}
        onRow={(r) => ({ 'data-testid': `voter-${r.id}` }) as never}
        columns={[
          { title: t('vote.voter'), dataIndex: 'label' },
          ...(vote.eligibility === 'owners' ? [{ title: t('vote.area'), dataIndex: 'area' }] : []),
          { title: t('vote.hasLink'), dataIndex: 'hasLink', render: (b: boolean) => (b ? '✓' : '') },
          {
            title: t('vote.channel'),
            dataIndex: 'channel',
            render: (c: VoterRow['channel'], r) =>
              c ? <Tag color="green">{`${voteChannelLabels[locale][c]}${r.ballotNo ? ' ' + r.ballotNo : ''}`}</Tag> : <Tag>{t('vote.notVoted')}</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r) => (
              <Space size={0}>
                {mayPaper && (
                  <Button type="link" size="small" onClick={() => setPaperFor(r)} data-testid={`voter-paper-${r.id}`}>
                    {t('vote.paperBallot')}
                  </Button>
                )}
                {mayLinks && r.hasLink && !r.channel && (
                  <Button type="link" size="small" onClick={() => issue.mutate([r.id])} data-testid={`voter-reissue-${r.id}`}>
                    {t('vote.reissue')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {links && <LinksDialog vote={vote} links={links} onClose={() => setLinks(null)} />}
      {paperFor && <PaperBallotDialog voteId={vote.id} voter={paperFor} onClose={() => setPaperFor(null)} />}
    </>
  );
}

/**
 * The issued links, shown this once, as slips to print and cut for the building heads: each with the voter, the vote,
 * its closing time and a QR code an owner scans in WeChat (the URL is printed too, for typing in by hand).
 */
function LinksDialog({ vote, links, onClose }: { vote: VoteView; links: IssuedLinks; onClose(): void }) {
  const { t } = useT();
  const closes = formatTime(vote.closesAt);
  return (
    <Modal
      open
      width={760}
      title={t('vote.linksTitle')}
      onCancel={onClose}
      footer={[
        <Button key="print" onClick={() => window.print()} data-testid="vote-links-print">
          {t('vote.print')}
        </Button>,
        <Button key="ok" type="primary" onClick={onClose} data-testid="vote-links-done">
          {t('vote.linksDone')}
        </Button>,
      ]}
    >
      <style>{slipCss}</style>
      <p>{t('vote.linksHint')}</p>
      {links.items.length === 0 && <p className="muted">{t('vote.linksNone')}</p>}
      <div className="vote-slips" data-testid="vote-links">
        {links.items.map((l) => {
          const url = location.origin + l.path;
          return (
            <div key={l.voterId} className="vote-slip" data-testid={`vote-link-${l.voterId}`}>
              <QRCode value={url} type="svg" size={112} bordered={false} errorLevel="M" />
              <div className="vote-slip-text">
                <div className="vote-slip-voter">{l.label}</div>
                <div>{vote.title}</div>
                <div>{t('vote.slipScan', { closes })}</div>
                <div className="vote-slip-url" data-testid="vote-link-url">
                  {url}
                </div>
              </div>
            </div>
          );
        })}
      </div>
    </Modal>
  );
}

// Printing shows only the slips, two to a row, never split across pages.
const slipCss = `
.vote-slips { display: grid; grid-template-columns: 1fr 1fr; gap: 0; }
.vote-slip { display: flex; gap: 10px; align-items: center; padding: 10px 8px; border: 1px dashed #bbb; margin: -1px 0 0 -1px; break-inside: avoid; }
.vote-slip-text { min-width: 0; font-size: 13px; line-height: 1.6; }
.vote-slip-voter { font-size: 16px; font-weight: 600; }
.vote-slip-url { font-family: monospace; font-size: 10px; word-break: break-all; color: #555; }
@media (max-width: 600px) { .vote-slips { grid-template-columns: 1fr; } }
@media print {
  body * { visibility: hidden; }
  .vote-slips, .vote-slips * { visibility: visible; }
  .vote-slips { position: absolute; left: 0; top: 0; width: 100%; }
}
`;

/** A paper ballot with its number; a voter who already voted on the phone is refused (VOTE_ALREADY_CAST). */
function PaperBallotDialog({ voteId, voter, onClose }: { voteId: number; voter: VoterRow; onClose(): void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ ballotNo: string; choice: VoteChoice }>();
  const [error, setError] = useState('');
  const labels = { ballotNo: t('vote.ballotNo'), choice: t('vote.choice'), voterId: t('vote.voter') };
  const run = useMutation({
    mutationFn: (v: { ballotNo: string; choice: VoteChoice }) => enterPaperBallot(voteId, { voterId: voter.id, ...v }),
    onSuccess: () => {
      message.success(t('vote.saved'));
      void qc.invalidateQueries({ queryKey: votesKeys.all });
      onClose();
    },
    onError: (err) => {
      const rest = applyApiError(form, err, labels);
      setError(rest);
    },
  });
  return (
    <Modal
      open
      title={`${t('vote.paperBallot')} · ${voter.label}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okButtonProps={testIdProps('paper-ok')}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="paper-error" />}
      <Form form={form} layout="vertical" onFinish={(v) => (setError(''), run.mutate(v))} onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name="ballotNo" label={labels.ballotNo} rules={[requiredRule(t, labels.ballotNo)]}>
          <Input maxLength={30} data-testid="paper-no" />
        </Form.Item>
        <Form.Item name="choice" label={labels.choice} rules={[requiredRule(t, labels.choice, 'choose')]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="paper-choice">
            {voteChoices.map((c) => (
              <Radio.Button key={c} value={c} data-testid={`paper-choice-${c}`}>
                {voteChoiceLabels[locale][c]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
