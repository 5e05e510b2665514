import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { partyBranchRoleLabels, partyBranchRoles, type PartyBranchRole } from '@linli/contracts/party-labels';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, requiredRule } from '../../components/forms.js';
import { CompoundSelect } from '../places/pickers.js';
import { addBranchMember, createBranch, fetchBranches, partyKeys, type PartyBranch } from './api.js';
import { MemberSelect } from './reports-tab.js';
import './messages.js';

/** One branch's members (secretary first) and a member select with a role to add someone. */
function BranchMembers({ branch }: { branch: PartyBranch }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [member, setMember] = useState<number | undefined>();
  const [role, setRole] = useState<PartyBranchRole>('member');
  const add = useMutation({
    mutationFn: (id: number) => addBranchMember(branch.id, id, role),
    onSuccess: () => (setMember(undefined), setRole('member'), message.success(t('party.branchAdded')), void qc.invalidateQueries({ queryKey: partyKeys.all })),
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`party-branch-${branch.id}`}>
      <Space wrap>
        <span data-testid="party-branch-member-pick">
          <MemberSelect value={member} onChange={setMember} />
        </span>
        <Select<PartyBranchRole>
          value={role}
          onChange={setRole}
          style={{ width: 140 }}
          options={partyBranchRoles.map((r) => ({ value: r, label: partyBranchRoleLabels[locale][r] }))}
          data-testid="party-branch-role"
        />
        <Button disabled={!member} loading={add.isPending} onClick={() => member && add.mutate(member)} data-testid="party-branch-add">
          {t('party.addBranchMember')}
        </Button>
      </Space>
      {branch.members.length === 0 ? (
        <span>{t('party.branchNoMembers')}</span>
      ) : (
        <Space wrap data-testid="party-branch-members">
          {branch.members.map((m) => (
            <Tag key={m.id} color={m.role === 'secretary' ? 'red' : m.role === 'committee' ? 'orange' : undefined}>
              {m.memberName} · {partyBranchRoleLabels[locale][m.role]}
            </Tag>
          ))}
        </Space>
      )}
    </Space>
  );
}

interface BranchForm {
  name: string;
  compoundId?: number;
  foundedOn?: Dayjs;
}

/** 小区党支部: the community's compound party branches, a form to set one up, and each branch's members (expand a row). */
export function BranchesTab() {
  const { t } = useT();
  const { communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<BranchForm>();
  const [open, setOpen] = useState(false);
  const branches = useQuery({ queryKey: partyKeys.branches(communityId), queryFn: () => fetchBranches(communityId) });
  const save = useMutation({
    mutationFn: (v: BranchForm) =>
      createBranch({
        communityId: communityId ?? undefined,
        name: v.name,
        compoundId: v.compoundId ?? null,
        foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null,
      }),
    onSuccess: () => (setOpen(false), form.resetFields(), void qc.invalidateQueries({ queryKey: partyKeys.all })),
    onError: (err) => message.error(applyApiError(form, err, { name: t('party.branchName'), compoundId: t('party.branchCompound') })),
  });
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} style={{ marginBottom: 12 }} data-testid="party-new-branch">
        {t('party.newBranch')}
      </Button>
      <Table<PartyBranch>
        rowKey="id"
        size="small"
        loading={branches.isLoading}
        dataSource={branches.data?.items ?? []}
        data-testid="party-branches"
        expandable={{ expandedRowRender: (b) => <BranchMembers branch={b} /> }}
        columns={[
          { title: t('party.branchName'), dataIndex: 'name' },
          { title: t('party.branchCompound'), render: (_, b) => b.compoundName ?? t('party.branchCompoundNone') },
          { title: t('party.foundedOn'), dataIndex: 'foundedOn' },
          {
            title: t('party.branchMembers'),
            render: (_, b) => {
              const secretary = b.members.find((m) => m.role === 'secretary');
              return `${b.members.length}${secretary ? ` · ${secretary.memberName}` : ''}`;
            },
          },
        ]}
      />
      <Modal open={open} title={t('party.newBranch')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={save.isPending}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="party-branch-form">
          <Form.Item name="name" label={t('party.branchName')} rules={[requiredRule(t, t('party.branchName'))]}>
            <Input maxLength={60} data-testid="party-branch-name" />
          </Form.Item>
          <Form.Item name="compoundId" label={t('party.branchCompound')}>
            <CompoundSelect />
          </Form.Item>
          <Form.Item name="foundedOn" label={t('party.foundedOn')}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
