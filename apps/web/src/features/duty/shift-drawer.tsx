import { useState } from 'react';
import { App, Button, Drawer, Input, Popconfirm, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleCan } from '@linli/contracts/permissions';
import { assignmentViaLabels, dutyWeekdayLabels, shiftEventLabels, type ShiftEventAction } from '@linli/contracts/duty-labels';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError } from '../../components/forms.js';
import { formatTime } from '../../lib/time.js';
import { assignShift, dutyKeys, fetchAccountOptions, fetchShift, fetchTeamOptions, unassignShift } from './api.js';
import { clockOf, weekdayOfDay } from './week.js';

/** One shift: who is on it (remove with a reason), a squad or a person to put on, and its history. */
export function ShiftDrawer({ shiftId, onClose }: { shiftId: number | null; onClose: () => void }) {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [teamId, setTeamId] = useState<number>();
  const [accountId, setAccountId] = useState<number>();
  const [reason, setReason] = useState('');
  const canWrite = roleCan(me.role, 'shifts.write');
  const shift = useQuery({ queryKey: dutyKeys.shift(shiftId ?? 0), queryFn: () => fetchShift(shiftId!, communityId), enabled: shiftId !== null });
  const teams = useQuery({ queryKey: dutyKeys.teams(communityId), queryFn: () => fetchTeamOptions(communityId), enabled: canWrite && shiftId !== null });
  const accounts = useQuery({
    queryKey: dutyKeys.accounts(communityId),
    queryFn: () => fetchAccountOptions(communityId),
    enabled: canWrite && roleCan(me.role, 'accounts.read') && shiftId !== null,
  });
  const done = () => void qc.invalidateQueries({ queryKey: dutyKeys.all });
  const assign = useMutation({
    mutationFn: (who: { teamId?: number; accountId?: number }) => assignShift(shiftId!, communityId, who),
    onSuccess: () => (setTeamId(undefined), setAccountId(undefined), done()),
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  const remove = useMutation({
    mutationFn: (assignmentId: number) => unassignShift(shiftId!, assignmentId, communityId, reason.trim()),
    onSuccess: () => (setReason(''), done()),
    onError: (err) => message.error(applyApiError(undefined, err, { reason: t('duty.removeReason') })),
  });
  const s = shift.data;
  const missing = s ? Math.max(0, s.headcount - s.assigned) : 0;
  return (
    <Drawer
      open={shiftId !== null}
      onClose={onClose}
      width={520}
      title={s ? `${s.stationName} · ${s.day} ${dutyWeekdayLabels[locale][weekdayOfDay(s.day)]} ${clockOf(s.startsAt)}–${clockOf(s.endsAt)}` : t('duty.shift')}
      data-testid="duty-shift-drawer"
    >
      {s && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space>
            <Typography.Text>
              {t('duty.people')}：{s.assigned} / {s.headcount}
            </Typography.Text>
            {missing > 0 ? <Tag color="red">{t('duty.short', { n: missing })}</Tag> : <Tag color="green">{t('duty.full')}</Tag>}
            {s.uncoveredAt && <Tag color="orange">{t('duty.flagged')}</Tag>}
          </Space>
          {s.people.length === 0 && <Typography.Text type="secondary">{t('duty.nobody')}</Typography.Text>}
          {s.people.map((p) => (
            <Space key={p.assignmentId} wrap data-testid="duty-person">
              <b>{p.name}</b>
              <Tag>{assignmentViaLabels[locale][p.via]}</Tag>
              {!p.hasAccount && <Tag>{t('duty.noAccount')}</Tag>}
              {p.checkedInAt && <Tag color="blue">{`${t('duty.checkedIn')} ${clockOf(p.checkedInAt)}`}</Tag>}
              {p.checkedOutAt && <Tag color="blue">{`${t('duty.checkedOut')} ${clockOf(p.checkedOutAt)}`}</Tag>}
              {canWrite && (
                <Popconfirm
                  title={t('duty.removeReason')}
                  description={<Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} data-testid="duty-remove-reason" />}
                  onConfirm={() => remove.mutate(p.assignmentId)}
                >
                  <Button size="small" danger data-testid="duty-remove">
                    {t('duty.remove')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ))}
          {canWrite && (
            <>
              <Space.Compact style={{ width: '100%' }}>
                <Select
                  style={{ flex: 1 }}
                  placeholder={t('duty.pickSquad')}
                  value={teamId}
                  onChange={setTeamId}
                  showSearch
                  optionFilterProp="label"
                  options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
                  data-testid="duty-pick-squad"
                />
                <Button disabled={!teamId} loading={assign.isPending} onClick={() => teamId && assign.mutate({ teamId })} data-testid="duty-assign-squad">
                  {t('duty.assignSquad')}
                </Button>
              </Space.Compact>
              {roleCan(me.role, 'accounts.read') && (
                <Space.Compact style={{ width: '100%' }}>
                  <Select
                    style={{ flex: 1 }}
                    placeholder={t('duty.pickPerson')}
                    value={accountId}
                    onChange={setAccountId}
                    showSearch
                    optionFilterProp="label"
                    options={(accounts.data?.items ?? []).map((x) => ({ value: x.id, label: x.displayName }))}
                    data-testid="duty-pick-person"
                  />
                  <Button
                    disabled={!accountId}
                    loading={assign.isPending}
                    onClick={() => accountId && assign.mutate({ accountId })}
                    data-testid="duty-assign-person"
                  >
                    {t('duty.assignPerson')}
                  </Button>
                </Space.Compact>
              )}
            </>
          )}
          <Typography.Title level={5}>{t('duty.history')}</Typography.Title>
          <Timeline
            items={s.events.map((e) => ({
              children: (
                <>
                  {shiftEventLabels[locale][e.action as ShiftEventAction] ?? e.action} · {e.actorName ?? ''} · {formatTime(e.createdAt)}
                  {e.note ? <div style={{ color: '#888' }}>{e.note}</div> : null}
                </>
              ),
            }))}
          />
        </Space>
      )}
    </Drawer>
  );
}
