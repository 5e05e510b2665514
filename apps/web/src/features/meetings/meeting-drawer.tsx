import { useState } from 'react';
import { App, Button, Descriptions, Drawer, List, Space, Tag, Timeline } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  attendeeKindLabels,
  meetingEventLabels,
  meetingKindLabels,
  meetingStatusLabels,
  roleCan,
  topicOutcomeLabels,
  topicSourceLabels,
  type MeetingStatus,
} from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { applyApiError } from '../../components/forms.js';
import { closeMeeting, completeFollowUp, fetchMeeting, meetingsKeys, signIn } from './api.js';
import { meetingStatusColor } from './meetings-page.js';
import './messages.js';
import { MinutesEditor } from './minutes-editor.js';
import { StepDialog, type MeetingDialog } from './step-dialog.js';

/** One meeting: its agenda, attendance, minutes, decisions, follow-ups and timeline, with the next steps. Stable data-testids: the votes journey starts here. */
export function MeetingDrawer({ id, onClose }: { id: number; onClose(): void }) {
  const { t, locale } = useT();
  const { me } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<MeetingDialog | null>(null);
  const q = useQuery({ queryKey: meetingsKeys.detail(id), queryFn: () => fetchMeeting(id) });
  const m = q.data;
  const may = roleCan(me.role, 'meetings.write');
  const mayVote = roleCan(me.role, 'votes.write');
  const navigate = useNavigate();
  const step = useMutation({
    mutationFn: (f: () => Promise<unknown>) => f(),
    onSuccess: () => void qc.invalidateQueries({ queryKey: meetingsKeys.all }),
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  const status = m?.status as MeetingStatus | undefined;
  const planned = status === 'planned';
  const held = status === 'held';
  return (
    <Drawer open width={720} onClose={onClose} title={m ? m.title : t('meeting.title')} data-testid="meeting-drawer">
      {m && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={meetingStatusColor[m.status]} data-testid="meeting-status">
              {meetingStatusLabels[locale][m.status]}
            </Tag>
            {may && planned && (
              <Button type="primary" size="small" onClick={() => setDialog({ kind: 'hold' })} data-testid="meeting-hold">
                {t('meeting.hold')}
              </Button>
            )}
            {may && held && (
              <Button type="primary" size="small" onClick={() => step.mutate(() => closeMeeting(id))} data-testid="meeting-close">
                {t('meeting.close')}
              </Button>
            )}
            {may && planned && (
              <Button size="small" danger onClick={() => setDialog({ kind: 'cancel' })} data-testid="meeting-cancel">
                {t('meeting.cancel')}
              </Button>
            )}
          </Space>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('meeting.kind')}>{meetingKindLabels[locale][m.kind]}</Descriptions.Item>
            <Descriptions.Item label={t('meeting.compound')}>{m.compoundName}</Descriptions.Item>
            <Descriptions.Item label={t('meeting.time')}>
              {formatTime(m.startsAt)} – {formatTime(m.endsAt).slice(11)}
            </Descriptions.Item>
            <Descriptions.Item label={t('meeting.place')}>{m.place}</Descriptions.Item>
            <Descriptions.Item label={t('meeting.host')}>{m.hostName}</Descriptions.Item>
            <Descriptions.Item label={t('meeting.recorder')}>{m.recorderName}</Descriptions.Item>
            <Descriptions.Item label={t('meeting.walkIns')}>{m.walkInCount}</Descriptions.Item>
            {m.cancelReason && <Descriptions.Item label={t('meeting.reason')}>{m.cancelReason}</Descriptions.Item>}
          </Descriptions>

          <h4 style={{ marginTop: 16 }}>
            {t('meeting.topics')}{' '}
            {may && (planned || held) && (
              <Button size="small" onClick={() => setDialog({ kind: 'topic' })} data-testid="meeting-add-topic">
                {t('meeting.addTopic')}
              </Button>
            )}
          </h4>
          <List
            size="small"
            data-testid="meeting-topics"
            dataSource={m.topics}
            renderItem={(tp) => (
              <List.Item
                data-testid={`meeting-topic-${tp.seq}`}
                actions={
                  may && held && !tp.outcome
                    ? (['answer', 'ticket', 'vote', 'defer'] as const).map((k) => (
                        <Button
                          key={k}
                          size="small"
                          type="link"
                          onClick={() => setDialog({ kind: k, topicId: tp.id, title: tp.title })}
                          data-testid={`topic-${k}-${tp.seq}`}
                        >
                          {t(k === 'answer' ? 'meeting.answer' : k === 'ticket' ? 'meeting.raiseTicket' : k === 'vote' ? 'meeting.toVote' : 'meeting.defer')}
                        </Button>
                      ))
                    : []
                }
              >
                <List.Item.Meta
                  title={`${tp.seq}. ${tp.title}`}
                  description={
                    <span>
                      {topicSourceLabels[locale][tp.sourceKind]}
                      {tp.outcome && (
                        <Tag style={{ marginLeft: 8 }} color="green" data-testid={`topic-outcome-${tp.seq}`}>
                          {topicOutcomeLabels[locale][tp.outcome]}
                        </Tag>
                      )}
                      {tp.ticketCode && <Tag>{tp.ticketCode}</Tag>}
                      {tp.outcome === 'vote' && mayVote && (
                        <Button
                          type="link"
                          size="small"
                          onClick={() =>
                            navigate(`/votes?${new URLSearchParams({ topicId: String(tp.id), title: tp.title, compoundId: String(m.compoundId ?? '') })}`)
                          }
                          data-testid={`topic-start-vote-${tp.seq}`}
                        >
                          {t('meeting.startVote')}
                        </Button>
                      )}
                      {tp.outcomeNote}
                    </span>
                  }
                />
              </List.Item>
            )}
          />

          <h4 style={{ marginTop: 16 }}>
            {t('meeting.attendees')}{' '}
            {may && (planned || held) && (
              <Button size="small" onClick={() => setDialog({ kind: 'attendee' })} data-testid="meeting-add-attendee">
                {t('meeting.addAttendee')}
              </Button>
            )}
          </h4>
          <List
            size="small"
            dataSource={m.attendees}
            renderItem={(a) => (
              <List.Item
                actions={
                  a.signedInAt
                    ? [
                        <Tag key="s" color="green">
                          {t('meeting.signedIn')}
                        </Tag>,
                      ]
                    : may && (planned || held)
                      ? [
                          <Button key="s" size="small" type="link" onClick={() => step.mutate(() => signIn(id, a.id))}>
                            {t('meeting.signIn')}
                          </Button>,
                        ]
                      : []
                }
              >
                {a.name}（{attendeeKindLabels[locale][a.kind]}
                {a.roleNote ? `，${a.roleNote}` : ''}）
              </List.Item>
            )}
          />

          <h4 style={{ marginTop: 16 }}>{t('meeting.minutes')}</h4>
          <MinutesEditor m={m} editable={may && held} />

          <h4 style={{ marginTop: 16 }}>
            {t('meeting.decisions')}{' '}
            {may && held && (
              <Button size="small" onClick={() => setDialog({ kind: 'decision' })} data-testid="meeting-add-decision">
                {t('meeting.addDecision')}
              </Button>
            )}
          </h4>
          <List size="small" dataSource={m.decisions} renderItem={(d, i) => <List.Item>{`${i + 1}. ${d.text}`}</List.Item>} />

          <h4 style={{ marginTop: 16 }}>
            {t('meeting.followUps')}{' '}
            {may && held && (
              <Button size="small" onClick={() => setDialog({ kind: 'followUp' })} data-testid="meeting-add-follow-up">
                {t('meeting.addFollowUp')}
              </Button>
            )}
          </h4>
          <List
            size="small"
            dataSource={m.followUps}
            renderItem={(f) => (
              <List.Item
                actions={
                  f.doneAt
                    ? [
                        <Tag key="d" color="green">
                          {t('meeting.done')}
                        </Tag>,
                      ]
                    : may && (held || status === 'minuted')
                      ? [
                          <Button key="d" size="small" type="link" onClick={() => step.mutate(() => completeFollowUp(id, f.id, null))}>
                            {t('meeting.done')}
                          </Button>,
                        ]
                      : []
                }
              >
                {f.text}（{f.ownerName}
                {f.dueOn ? `，${f.dueOn}` : ''}）
              </List.Item>
            )}
          />

          {m.tickets.length > 0 && (
            <>
              <h4 style={{ marginTop: 16 }}>{t('meeting.tickets')}</h4>
              <List size="small" dataSource={m.tickets} renderItem={(tk) => <List.Item>{`${tk.code} ${tk.title}`}</List.Item>} />
            </>
          )}

          <h4 style={{ marginTop: 16 }}>{t('meeting.timeline')}</h4>
          <Timeline
            items={m.events.map((e) => ({
              children: (
                <span>
                  {formatTime(e.createdAt)} {meetingEventLabels[locale][e.action]} {e.actorName ?? ''}
                  {e.note ? `：${e.note}` : ''}
                </span>
              ),
            }))}
          />
        </>
      )}
      {dialog && m && <StepDialog meeting={m} dialog={dialog} onClose={() => setDialog(null)} />}
    </Drawer>
  );
}
