import { Card, Col, Descriptions, Row, Statistic } from 'antd';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { roleCan } from '@linli/contracts/permissions';
import { TicketInboxCard } from '../tickets/pickers.js';

export function OverviewPage() {
  const { t } = useT();
  const { community, communityId, me } = useSession();
  if (!community) return null;
  return (
    <div data-testid="overview">
      <Card title={community.name} style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('overview.subdistrict')}>{`${community.city} ${community.districtName} ${community.subdistrictName}`}</Descriptions.Item>
          <Descriptions.Item label={t('common.address')}>{community.address}</Descriptions.Item>
        </Descriptions>
      </Card>
      {me && roleCan(me.role, 'tickets.readAll') && <TicketInboxCard communityId={communityId} />}
      <Row gutter={16}>
        <Col span={8}>
          <Card>
            <Statistic title={t('overview.compounds')} value={community.stats?.compounds ?? 0} />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title={t('overview.households')} value={community.stats?.households ?? 0} />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title={t('overview.residents')} value={community.stats?.residents ?? 0} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
