import { useState } from 'react';
import { Button, Card, Descriptions, Empty, List, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { commitmentStateLabels, roleCan, type SessionItem } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../components/time.js';
import { fetchSession, sessionsKeys } from './api.js';
import { AddItemDialog, AnswerDialog, CommitmentTag, EscalateDialog, FollowUpDialog } from './items.js';
import { SessionForm } from './session-form.js';
import './messages.js';

/** One 书记面对面 session: who came, its items, each department's answer and commitment, and their follow-ups. */
export function SecretarySessionPage() {
  const { t } = useT();
  const { me } = useSession();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: sessionsKeys.detail(id), queryFn: () => fetchSession(id) });
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const canWrite = roleCan(me.role, 'sessions.write');
  const s = q.data;
  if (!s) return q.isLoading ? <Spin /> : <Empty />;
  return (
    <Card
      title={`${s.title} · ${s.heldOn}`}
      data-testid="session-page"
      extra={
        <Space>
          <Button onClick={() => navigate('/secretary-sessions')}>{t('sessions.back')}</Button>
          {canWrite && (
            <Button onClick={() => setEditing(true)} data-testid="session-edit">
              {t('sessions.edit')}
            </Button>
          )}
          <Button onClick={() => navigate(`/secretary-sessions/${s.id}/print`)} data-testid="session-print">
            {t('sessions.print')}
          </Button>
        </Space>
      }
    >
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('sessions.heldOn')}>{`${s.heldOn}${s.startsAt ? ` ${s.startsAt}` : ''}`}</Descriptions.Item>
        <Descriptions.Item label={t('sessions.place')}>{s.place}</Descriptions.Item>
        <Descriptions.Item label={t('sessions.host')}>{s.hostName}</Descriptions.Item>
        <Descriptions.Item label={t('sessions.community')}>{s.communityName}</Descriptions.Item>
        <Descriptions.Item label={t('sessions.attendees')} span={2}>
          <Space size={[4, 4]} wrap>
            {s.attendees.map((a) => (
              <Tag key={a.organisationId}>
                {a.organisationName} · {a.attendeeName}
                {a.attendeeTitle ? `（${a.attendeeTitle}）` : ''}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        {s.otherAttendees && (
          <Descriptions.Item label={t('sessions.otherAttendees')} span={2}>
            {s.otherAttendees}
          </Descriptions.Item>
        )}
        {s.notes && (
          <Descriptions.Item label={t('sessions.notes')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s.notes}</Typography.Paragraph>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space style={{ margin: '16px 0 8px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('sessions.items')}
        </Typography.Title>
        {canWrite && (
          <Button size="small" type="primary" onClick={() => setAdding(true)} data-testid="item-add">
            {t('sessions.addItem')}
          </Button>
        )}
      </Space>
      {s.items.length === 0 ? (
        <Empty description={t('sessions.noItems')} />
      ) : (
        <List
          dataSource={s.items}
          renderItem={(item, i) => (
            <ItemCard item={item} index={i + 1} communityId={s.communityId} canFollowUp={canWrite} canAnswer={roleCan(me.role, 'sessions.answer')} />
          )}
        />
      )}
      {editing && <SessionForm session={s} onClose={() => setEditing(false)} />}
      {adding && <AddItemDialog session={s} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function ItemCard({
  item,
  index,
  communityId,
  canAnswer,
  canFollowUp,
}: {
  item: SessionItem;
  index: number;
  communityId: number;
  canAnswer: boolean;
  canFollowUp: boolean;
}) {
  const { t, locale } = useT();
  const [dialog, setDialog] = useState<'answer' | 'follow' | 'escalate' | null>(null);
  const settled = item.commitmentState === 'kept' || item.commitmentState === 'broken';
  const following = item.commitmentState === 'open' || item.commitmentState === 'overdue';
  return (
    <List.Item data-testid={`item-${item.id}`}>
      <Card size="small" style={{ width: '100%' }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>
              {index}. {item.subject}
            </Typography.Text>
            <Tag color="geekblue">{item.organisationName}</Tag>
            {item.ticketCode && <Tag>{item.ticketCode}</Tag>}
            <CommitmentTag state={item.commitmentState} />
          </Space>
          {item.detail && <Typography.Text type="secondary">{item.detail}</Typography.Text>}
          <div>
            <Typography.Text type="secondary">{t('sessions.answer')}：</Typography.Text>
            {item.answer ?? t('sessions.none')}
            {item.answeredByName && (
              <Typography.Text type="secondary">
                {' '}
                （{item.answeredOnBehalf ? t('sessions.onBehalf', { name: item.answeredByName }) : t('sessions.byContact', { name: item.answeredByName })}
                {item.answeredAt ? ` ${formatTime(locale, item.answeredAt, 'short')}` : ''}）
              </Typography.Text>
            )}
          </div>
          {item.commitment && (
            <div>
              <Typography.Text type="secondary">{t('sessions.commitment')}：</Typography.Text>
              {item.commitment}（{t('sessions.promisedOn')}：{item.promisedOn}）
            </div>
          )}
          {item.followUps.length > 0 && (
            <Timeline
              style={{ marginTop: 8 }}
              items={item.followUps.map((f) => ({
                color: f.status === 'kept' ? 'green' : f.status === 'broken' ? 'red' : 'blue',
                children: `${formatTime(locale, f.at, 'short')} ${f.byName ?? ''} · ${commitmentStateLabels[locale][f.status]} · ${f.note}`,
              }))}
            />
          )}
          <Space>
            {canAnswer && !settled && (
              <Button size="small" onClick={() => setDialog('answer')} data-testid={`item-answer-${item.id}`}>
                {t('sessions.recordAnswer')}
              </Button>
            )}
            {canFollowUp && item.escalationId == null && (
              <Button size="small" onClick={() => setDialog('escalate')} data-testid={`item-escalate-${item.id}`}>
                {t('sessions.escalate')}
              </Button>
            )}
            {canFollowUp && following && (
              <Button size="small" onClick={() => setDialog('follow')} data-testid={`item-follow-${item.id}`}>
                {t('sessions.followUp')}
              </Button>
            )}
          </Space>
        </Space>
      </Card>
      {dialog === 'answer' && <AnswerDialog item={item} onClose={() => setDialog(null)} />}
      {dialog === 'follow' && <FollowUpDialog item={item} onClose={() => setDialog(null)} />}
      {dialog === 'escalate' && <EscalateDialog item={item} communityId={communityId} onClose={() => setDialog(null)} />}
    </List.Item>
  );
}
