import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { matchCandidateKindLabels, roleCan, type MatchNeedKind, type MatchSuggestion } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { fetchSuggestions, matchingKeys, refreshSuggestions, sendOrder } from './api.js';
import './messages.js';

/**
 * Who could meet a need, ranked, each with the reason; staff send one as an order. Reusable: the ticket drawer and the
 * help list embed it, a wish drawer can too (needKind 'wish').
 */
export function SuggestionsPanel({ needKind, needId }: { needKind: MatchNeedKind; needId: number }) {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: matchingKeys.suggestions(needKind, needId), queryFn: () => fetchSuggestions(needKind, needId) });
  const send = useMutation({
    mutationFn: (s: MatchSuggestion) =>
      sendOrder({ needKind, needId, candidateKind: s.candidateKind, candidateId: s.candidateId, claimantAccountId: s.claimantAccountId! }),
    onSuccess: (o) => {
      message.success(t('matching.sent', { name: o.claimantName ?? o.candidateName }));
      void qc.invalidateQueries({ queryKey: matchingKeys.all });
    },
    onError: (err) => message.error(err instanceof Error ? err.message : String(err)),
  });
  const refresh = useMutation({
    mutationFn: () => refreshSuggestions(communityId),
    onSuccess: () => void qc.invalidateQueries({ queryKey: matchingKeys.suggestions(needKind, needId) }),
  });
  const canSend = roleCan(me.role, 'matching.dispatch');
  return (
    <Card
      size="small"
      title={t('matching.suggestions')}
      data-testid="suggestions-panel"
      extra={
        canSend && (
          <Button size="small" loading={refresh.isPending} onClick={() => refresh.mutate()}>
            {t('matching.refresh')}
          </Button>
        )
      }
    >
      <List
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('matching.none') }}
        renderItem={(s) => (
          <List.Item
            data-testid="suggestion"
            actions={[
              canSend && s.claimantAccountId != null ? (
                <Button key="send" size="small" type="primary" loading={send.isPending} onClick={() => send.mutate(s)}>
                  {t('matching.send')}
                </Button>
              ) : (
                <Typography.Text key="none" type="secondary">
                  {t('matching.noClaimant')}
                </Typography.Text>
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  <Tag>{matchCandidateKindLabels[locale][s.candidateKind]}</Tag>
                  {s.name}
                  {s.claimantName && s.claimantName !== s.name && <Typography.Text type="secondary">{s.claimantName}</Typography.Text>}
                </Space>
              }
              description={`${t('matching.reason')}：${s.reason[locale]}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
