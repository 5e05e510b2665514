import { useState } from 'react';
import { App, Button, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../lib/i18n.js';
import { fetchVolunteers, volunteerKeys } from '../volunteers/api.js';
import { activitiesKeys, addServing, fetchServing } from './api.js';
import './messages.js';

/**
 * The activity drawer's volunteers serving at it (志愿者服务): staff add approved volunteers while the activity is open or
 * after it was held; closing the activity credits their hours (an already held one credits at once).
 */
export function ServingSection({ activityId, communityId, editable }: { activityId: number; communityId: number; editable: boolean }) {
  const { t } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [pick, setPick] = useState<number | null>(null);
  const [q, setQ] = useState('');
  const serving = useQuery({ queryKey: activitiesKeys.serving(activityId), queryFn: () => fetchServing(activityId) });
  const filters = { communityId, status: 'approved' as const, q: q || undefined, pageSize: 50 };
  const candidates = useQuery({ queryKey: volunteerKeys.list(filters), queryFn: () => fetchVolunteers(filters), enabled: editable });
  const add = useMutation({
    mutationFn: (volunteerId: number) => addServing(activityId, volunteerId),
    onSuccess: () => {
      setPick(null);
      void qc.invalidateQueries({ queryKey: activitiesKeys.serving(activityId) });
      message.success(t('act.done'));
    },
    onError: (err) => message.error(err instanceof Error ? err.message : String(err)),
  });
  const items = serving.data?.items ?? [];
  const taken = new Set(items.map((s) => s.volunteerId));
  return (
    <section data-testid="act-serving">
      <h3>{t('act.serving')}</h3>
      <Typography.Paragraph type="secondary">{t('act.servingHint')}</Typography.Paragraph>
      <ul data-testid="act-serving-list">
        {items.map((s) => (
          <li key={s.id} data-testid={`act-serving-${s.volunteerId}`}>
            {s.name ?? `#${s.volunteerId}`} {s.hoursEntryId !== null && <Tag color="green">{t('act.servingCredited')}</Tag>}
          </li>
        ))}
        {items.length === 0 && <li>{t('act.servingNone')}</li>}
      </ul>
      {editable && (
        <Space>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            style={{ width: 260 }}
            placeholder={t('act.servingPick')}
            value={pick}
            onChange={(v: number) => setPick(v)}
            loading={candidates.isLoading}
            options={(candidates.data?.items ?? []).filter((v) => !taken.has(v.id)).map((v) => ({ value: v.id, label: `${v.name} · ${v.number}` }))}
            data-testid="act-serving-pick"
          />
          <Button disabled={pick === null} loading={add.isPending} onClick={() => pick !== null && add.mutate(pick)} data-testid="act-serving-add">
            {t('act.servingAdd')}
          </Button>
        </Space>
      )}
    </section>
  );
}
