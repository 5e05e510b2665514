import { useState } from 'react';
import { DatePicker, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { fetchBelowFloor, partyKeys, type BelowFloor } from './api.js';
import { FeedbackButton } from './feedback-button.js';

/** Members below the city's hours floor for a period (default: this year so far), each with the feedback sheet. */
export function FloorTab() {
  const { t } = useT();
  const { communityId } = useSession();
  const [range, setRange] = useState<[string, string]>([dayjs().startOf('year').format('YYYY-MM-DD'), dayjs().format('YYYY-MM-DD')]);
  const list = useQuery({ queryKey: partyKeys.belowFloor(communityId, ...range), queryFn: () => fetchBelowFloor(communityId, ...range) });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
        />
        {list.data && `${t('party.floorHours')}: ${list.data.floorHours}`}
      </Space>
      <Table<BelowFloor['items'][number]>
        rowKey="partyMemberId"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('party.member'), dataIndex: 'memberName' },
          { title: t('party.workUnit'), dataIndex: 'workUnit' },
          { title: t('party.hours'), render: (_, r) => `${r.hours} / ${r.floorHours}` },
          { title: t('party.isReported'), render: (_, r) => (r.isReported ? <Tag color="green">{t('party.isReported')}</Tag> : null) },
          { title: t('party.evaluation'), dataIndex: 'evaluation' },
          { title: '', render: (_, r) => <FeedbackButton partyMemberId={r.partyMemberId} /> },
        ]}
      />
    </>
  );
}
