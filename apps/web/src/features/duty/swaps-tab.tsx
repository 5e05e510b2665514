import { App, Button, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleCan } from '@linli/contracts/permissions';
import { swapStatusLabels } from '@linli/contracts/duty-labels';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError } from '../../components/forms.js';
import { formatTime } from '../../lib/time.js';
import { actOnSwap, dutyKeys, fetchSwaps, type Swap } from './api.js';

const statusColor: Record<Swap['status'], string> = {
  asked: 'gold',
  accepted: 'orange',
  approved: 'green',
  declined: 'default',
  rejected: 'red',
  withdrawn: 'default',
};

/** 换班审批: the swaps of the community, newest first; those the other person accepted wait for staff here. */
export function SwapsTab() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const swaps = useQuery({ queryKey: dutyKeys.swaps(communityId), queryFn: () => fetchSwaps(communityId) });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'approve' | 'reject' }) => actOnSwap(id, action, communityId, note.trim()),
    onSuccess: () => (setNote(''), void qc.invalidateQueries({ queryKey: dutyKeys.all })),
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  const canDecide = roleCan(me.role, 'shifts.write');
  const noteInput = <Input.TextArea rows={2} maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('duty.decisionNote')} />;
  return (
    <Table<Swap>
      rowKey="id"
      size="small"
      loading={swaps.isLoading}
      dataSource={swaps.data?.items ?? []}
      data-testid="duty-swaps"
      columns={[
        { title: t('duty.status'), render: (_, s) => <Tag color={statusColor[s.status]}>{swapStatusLabels[locale][s.status]}</Tag> },
        { title: t('duty.shift'), dataIndex: 'shiftLabel' },
        { title: t('duty.askedBy'), dataIndex: 'requestedByName' },
        { title: t('duty.swapWith'), dataIndex: 'toAccountName' },
        { title: t('duty.theirShift'), render: (_, s) => s.toShiftLabel ?? t('duty.takeOver') },
        { title: t('duty.reason'), dataIndex: 'reason' },
        { title: t('duty.askedAt'), render: (_, s) => formatTime(s.createdAt) },
        {
          key: 'actions',
          render: (_, s) =>
            canDecide && s.status === 'accepted' ? (
              <Space>
                <Popconfirm title={t('duty.approve')} description={noteInput} onConfirm={() => act.mutate({ id: s.id, action: 'approve' })}>
                  <Button size="small" type="primary" data-testid="duty-swap-approve">
                    {t('duty.approve')}
                  </Button>
                </Popconfirm>
                <Popconfirm title={t('duty.reject')} description={noteInput} onConfirm={() => act.mutate({ id: s.id, action: 'reject' })}>
                  <Button size="small" danger data-testid="duty-swap-reject">
                    {t('duty.reject')}
                  </Button>
                </Popconfirm>
              </Space>
            ) : (
              (s.decisionNote ?? '')
            ),
        },
      ]}
    />
  );
}
