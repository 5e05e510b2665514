import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, Space, Tag, Typography, message } from 'antd';
import { checkinViaLabels, ladderStepLabels, roleCan, type TodayCheckin } from '@linli/contracts';
import { useT } from '../../../lib/i18n.js';
import { useSession } from '../../../lib/session.js';
import { formatTime } from '../../../lib/time.js';
import { checkInFor, checkinsKeys, fetchCheckinsToday } from './api.js';
import './messages.js';

const colors = { missed: 'red', pending: 'gold', away: 'default', done: 'green' } as const;

/** Where a missed check-in stands on the ladder, in words (never a step code). */
function LadderLine({ item }: { item: TodayCheckin }) {
  const { t, locale } = useT();
  const last = item.ladder[item.ladder.length - 1];
  if (item.status === 'done')
    return (
      <Typography.Text type="secondary">
        {t('checkins.checkedInAt', { time: formatTime(item.checkedInAt), via: item.via ? checkinViaLabels[locale][item.via] : '' })}
        {item.stoppedAfterEscalation ? ` · ${t('checkins.stopped')}` : ''}
      </Typography.Text>
    );
  if (!last) return <Typography.Text type="secondary">{t('checkins.dueAt', { time: formatTime(item.dueAt) })}</Typography.Text>;
  return (
    <Typography.Text type={item.status === 'missed' ? 'danger' : 'secondary'}>
      {t('checkins.ladderAt', { step: ladderStepLabels[locale][last.kind] })}
      {last.kind === 'visit_ticket' ? ` · ${t('checkins.ticket')}` : last.notified ? ` · ${t('checkins.notified', { who: last.notified })}` : ''}
    </Typography.Text>
  );
}

/**
 * Today's check-ins for the care board: counts of done, pending, missed and away, then the people, missed first with
 * where each stands on the ladder. Staff and helpers confirm a person is well from here.
 */
export function CheckinsTodayPanel({ communityId, mine = false }: { communityId?: number | null; mine?: boolean }) {
  const { t } = useT();
  const { me } = useSession();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: checkinsKeys.today(communityId, mine), queryFn: () => fetchCheckinsToday({ communityId, mine }), refetchInterval: 60_000 });
  const confirm = useMutation({
    mutationFn: (id: number) => checkInFor(id, me.role === 'volunteer' || me.role === 'party_member' ? 'helper' : 'staff'),
    onSuccess: () => {
      void message.success(t('checkins.confirmed'));
      void qc.invalidateQueries({ queryKey: checkinsKeys.all });
    },
  });
  const data = q.data;
  const canWrite = roleCan(me.role, 'checkins.write');
  return (
    <Card title={t('checkins.title')} data-testid="checkins-today" loading={q.isLoading}>
      {data && (
        <Space wrap style={{ marginBottom: 12 }}>
          {(['missed', 'pending', 'away', 'done'] as const).map((s) => (
            <Tag key={s} color={colors[s]} data-testid={`checkins-count-${s}`}>
              {t(`checkins.${s}`)} {data.counts[s]}
            </Tag>
          ))}
        </Space>
      )}
      <List
        dataSource={data?.items ?? []}
        // Missed first (the server sorts them so), ten at a time: the board stays one screen with 75 people in care.
        pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('checkins.empty') }}
        renderItem={(item) => (
          <List.Item
            data-testid={`checkin-${item.recipientId}`}
            actions={
              canWrite && item.status !== 'done'
                ? [
                    <Button
                      key="ok"
                      size="small"
                      loading={confirm.isPending && confirm.variables === item.recipientId}
                      onClick={() => confirm.mutate(item.recipientId)}
                    >
                      {t('checkins.confirm')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  <span>{item.name}</span>
                  <Tag color={colors[item.status]}>{t(`checkins.${item.status}`)}</Tag>
                  {item.compound && <Typography.Text type="secondary">{item.compound}</Typography.Text>}
                </Space>
              }
              description={<LadderLine item={item} />}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
