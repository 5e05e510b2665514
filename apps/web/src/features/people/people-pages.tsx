import { useState } from 'react';
import { App, Button, Drawer, Form, Popconfirm, Radio, Space, Switch, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  partyBranchRoleLabels,
  partyMemberStatuses,
  partyMemberStatusLabels,
  roleCan,
  stationKindLabels,
  stationKinds,
  teamKindLabels,
  teamKinds,
  volunteerOriginLabels,
  type PartyMember,
  type Station,
  type Team,
  type TeamDetail,
} from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, clearErrorsOnChange, requiredRule } from '../../components/forms.js';
import { EntityPage } from '../../components/entity-page.js';
import { addTeamMember, fetchTeam, partyMembersApi, peopleKeys, removeTeamMember, stationsApi, teamsApi } from './api.js';
import { CompoundSelect, GridSelect, ResidentPicker } from '../places/pickers.js';
import { VolunteerPicker } from '../volunteers/pickers.js';

const optionsOf = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

export function PartyMembersPage() {
  const { t, locale } = useT();
  const { me } = useSession();
  const statuses = optionsOf(partyMemberStatuses, partyMemberStatusLabels[locale]);
  return (
    <EntityPage<PartyMember>
      title={t('nav.partyMembers')}
      api={partyMembersApi}
      testId="party-members"
      canWrite={roleCan(me.role, 'people.write')}
      createLabel={t('people.newPartyMember')}
      searchPlaceholder={t('people.searchName')}
      filters={[{ name: 'status', placeholder: t('people.status'), options: statuses }]}
      columns={[
        { title: t('residents.name'), dataIndex: 'name', key: 'name', sorter: true },
        { title: t('residents.gender'), dataIndex: 'gender', render: (g: PartyMember['gender']) => (g ? t(`residents.${g}`) : '') },
        { title: t('residents.phone'), dataIndex: 'phoneMasked' },
        {
          title: t('people.status'),
          dataIndex: 'status',
          key: 'status',
          sorter: true,
          render: (s: PartyMember['status']) => partyMemberStatusLabels[locale][s],
        },
        { title: t('people.workUnit'), dataIndex: 'workUnit' },
        { title: t('places.grid'), dataIndex: 'gridName', key: 'gridName', sorter: true },
        { title: t('residents.address'), dataIndex: 'address' },
        { title: t('people.joinedOn'), dataIndex: 'joinedOn', key: 'joinedOn', sorter: true },
        {
          title: t('people.branch'),
          key: 'branch',
          render: (_: unknown, m: PartyMember) => (m.branchName ? `${m.branchName}（${partyBranchRoleLabels[locale][m.branchRole ?? 'member']}）` : ''),
        },
      ]}
      fields={[
        {
          name: 'residentId',
          label: t('people.resident'),
          control: (id) => <ResidentPicker testId={id} />,
          createOnly: true,
          required: true,
          extra: t('people.residentHint'),
        },
        { name: 'status', label: t('people.status'), kind: 'select', options: statuses, required: true },
        { name: 'workUnit', label: t('people.workUnit') },
        { name: 'gridId', label: t('places.grid'), control: () => <GridSelect /> },
        { name: 'joinedOn', label: t('people.joinedOn'), kind: 'date' },
      ]}
    />
  );
}

export function TeamsPage() {
  const { t, locale } = useT();
  const { me } = useSession();
  const [openId, setOpenId] = useState<number | null>(null);
  const kinds = optionsOf(teamKinds, teamKindLabels[locale]);
  return (
    <>
      <EntityPage<Team>
        title={t('nav.teams')}
        api={teamsApi}
        testId="teams"
        canWrite={roleCan(me.role, 'people.write')}
        createLabel={t('people.newTeam')}
        filters={[{ name: 'kind', placeholder: t('people.kind'), options: kinds }]}
        rowActions={(row) => (
          <Button size="small" type="link" onClick={() => setOpenId(row.id)} data-testid={`teams-members-${row.id}`}>
            {t('people.members')}
          </Button>
        )}
        columns={[
          { title: t('common.name'), dataIndex: 'name', key: 'name', sorter: true, render: (v, r) => <a onClick={() => setOpenId(r.id)}>{v}</a> },
          { title: t('people.kind'), dataIndex: 'kind', key: 'kind', sorter: true, render: (k: Team['kind']) => teamKindLabels[locale][k] },
          { title: t('people.leaders'), dataIndex: 'leaderNames', render: (names: string[]) => names.join('、') },
          { title: t('people.memberCount'), dataIndex: 'memberCount', key: 'memberCount', sorter: true, align: 'right' },
          { title: t('people.description'), dataIndex: 'description', ellipsis: true },
        ]}
        fields={[
          { name: 'name', label: t('common.name'), required: true },
          { name: 'kind', label: t('people.kind'), kind: 'select', options: kinds, required: true },
          { name: 'description', label: t('people.description'), kind: 'textarea' },
        ]}
      />
      {openId !== null && <TeamMembersDrawer id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}

function TeamMembersDrawer({ id, onClose }: { id: number; onClose(): void }) {
  const { t, locale } = useT();
  const { me } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [who, setWho] = useState<'resident' | 'volunteer'>('resident');
  const canWrite = roleCan(me.role, 'people.write');
  const team = useQuery({ queryKey: peopleKeys.team(id), queryFn: () => fetchTeam(id) });
  const refresh = (data: TeamDetail) => {
    qc.setQueryData(peopleKeys.team(id), data);
    void qc.invalidateQueries({ queryKey: peopleKeys.teams });
  };
  const add = useMutation({
    mutationFn: (v: { residentId?: number; volunteerId?: number; isLeader?: boolean }) =>
      addTeamMember(id, who === 'volunteer' ? { volunteerId: v.volunteerId, isLeader: !!v.isLeader } : { residentId: v.residentId, isLeader: !!v.isLeader }),
    onSuccess: (data) => {
      refresh(data);
      form.resetFields();
    },
    onError: (err) => {
      const rest = applyApiError(form, err);
      if (rest) message.error(rest);
    },
  });
  const leave = useMutation({
    mutationFn: (memberId: number) => removeTeamMember(id, memberId),
    onSuccess: refresh,
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  const d = team.data;
  return (
    <Drawer
      open
      width={620}
      onClose={onClose}
      data-testid="team-drawer"
      title={
        d ? (
          <Space>
            {d.name}
            <Tag>{teamKindLabels[locale][d.kind]}</Tag>
          </Space>
        ) : (
          t('people.members')
        )
      }
    >
      {d?.description && <p style={{ color: '#666' }}>{d.description}</p>}
      {canWrite && !d?.archivedAt && (
        <Form
          form={form}
          onValuesChange={clearErrorsOnChange(form)}
          layout="inline"
          onFinish={(v) => add.mutate(v)}
          style={{ marginBottom: 16 }}
          data-testid="team-add-member"
        >
          <Form.Item label={t('people.memberOf')} style={{ width: '100%' }} extra={who === 'volunteer' ? t('people.volunteerHint') : undefined}>
            <Radio.Group
              value={who}
              onChange={(e) => {
                setWho(e.target.value as 'resident' | 'volunteer');
                form.resetFields(['residentId', 'volunteerId']);
              }}
              optionType="button"
              options={[
                { value: 'resident', label: t('people.resident') },
                { value: 'volunteer', label: t('people.volunteer') },
              ]}
              data-testid="team-member-kind"
            />
          </Form.Item>
          {who === 'resident' ? (
            <Form.Item name="residentId" label={t('people.resident')} rules={[requiredRule(t, t('people.resident'), 'choose')]} style={{ minWidth: 280 }}>
              <ResidentPicker testId="team-member-picker" />
            </Form.Item>
          ) : (
            <Form.Item name="volunteerId" label={t('people.volunteer')} rules={[requiredRule(t, t('people.volunteer'), 'choose')]} style={{ minWidth: 280 }}>
              <VolunteerPicker testId="team-volunteer-picker" />
            </Form.Item>
          )}
          <Form.Item name="isLeader" label={t('people.leader')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="team-member-add">
            {t('people.addMember')}
          </Button>
        </Form>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={team.isLoading}
        dataSource={d?.members}
        data-testid="team-members-table"
        columns={[
          {
            title: t('residents.name'),
            dataIndex: 'name',
            render: (v, m) => (
              <Space wrap>
                {v}
                {m.isLeader && <Tag color="red">{t('people.leader')}</Tag>}
                {m.volunteerId != null && (
                  <Tag color="blue" data-testid={`team-member-volunteer-${m.volunteerId}`}>
                    {[volunteerOriginLabels[locale][m.origin as keyof (typeof volunteerOriginLabels)['en']] ?? t('people.volunteer'), m.affiliation]
                      .filter(Boolean)
                      .join(' · ')}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: t('residents.phone'), dataIndex: 'phoneMasked' },
          { title: t('people.joinedAt'), dataIndex: 'joinedAt', render: (v: string) => v.slice(0, 10) },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, m: TeamDetail['members'][number]) => (
                    <Popconfirm
                      title={t('people.leaveConfirm', { name: m.name })}
                      onConfirm={() => leave.mutate(m.id)}
                      okText={t('people.leave')}
                      cancelText={t('common.cancel')}
                    >
                      <Button size="small" type="link" danger>
                        {t('people.leave')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Drawer>
  );
}

export function StationsPage() {
  const { t, locale } = useT();
  const { me } = useSession();
  const kinds = optionsOf(stationKinds, stationKindLabels[locale]);
  return (
    <EntityPage<Station>
      title={t('nav.stations')}
      api={stationsApi}
      testId="stations"
      canWrite={roleCan(me.role, 'people.write')}
      createLabel={t('people.newStation')}
      filters={[{ name: 'kind', placeholder: t('people.kind'), options: kinds }]}
      columns={[
        { title: t('common.name'), dataIndex: 'name', key: 'name', sorter: true },
        { title: t('people.kind'), dataIndex: 'kind', key: 'kind', sorter: true, render: (k: Station['kind']) => stationKindLabels[locale][k] },
        { title: t('places.compounds'), dataIndex: 'compoundName', key: 'compoundName', sorter: true },
        { title: t('common.address'), dataIndex: 'address' },
        { title: t('people.openingHours'), dataIndex: 'openingHours' },
        { title: t('people.contactPhone'), dataIndex: 'phone' },
      ]}
      fields={[
        { name: 'name', label: t('common.name'), required: true },
        { name: 'kind', label: t('people.kind'), kind: 'select', options: kinds, required: true },
        { name: 'compoundId', label: t('places.compounds'), control: () => <CompoundSelect /> },
        { name: 'address', label: t('common.address') },
        { name: 'openingHours', label: t('people.openingHours') },
        { name: 'phone', label: t('people.contactPhone') },
        { name: 'description', label: t('people.description'), kind: 'textarea' },
      ]}
    />
  );
}
