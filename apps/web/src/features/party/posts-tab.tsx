import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { partyPlaceKindLabels, partyPostClasses, partyPostClassLabels, partyPostPlaceKinds } from '@linli/contracts/party-labels';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, requiredRule } from '../../components/forms.js';
import { CompoundSelect, GridSelect } from '../places/pickers.js';
import { claimPost, createPost, fetchClaims, fetchPosts, partyKeys, type PioneerPost, type PostClaim, type PostInput } from './api.js';
import { MemberSelect } from './reports-tab.js';

/** The claims of one post and a select to claim it for a member. */
function Claims({ post }: { post: PioneerPost }) {
  const { t } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [member, setMember] = useState<number | undefined>();
  const claims = useQuery({ queryKey: partyKeys.claims(post.id), queryFn: () => fetchClaims(post.id) });
  const claim = useMutation({
    mutationFn: (id: number) => claimPost(post.id, id),
    onSuccess: () => (setMember(undefined), void qc.invalidateQueries({ queryKey: partyKeys.all })),
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        {t('party.claimFor')}
        <MemberSelect value={member} onChange={setMember} />
        <Button size="small" disabled={!member} loading={claim.isPending} onClick={() => member && claim.mutate(member)}>
          {t('party.claimFor')}
        </Button>
      </Space>
      <Table<PostClaim>
        rowKey="id"
        size="small"
        pagination={false}
        loading={claims.isLoading}
        dataSource={claims.data?.items ?? []}
        columns={[
          { title: t('party.member'), dataIndex: 'memberName' },
          { title: t('party.claimedAt'), render: (_, c) => c.claimedAt.slice(0, 10) },
          { title: t('party.leftAt'), render: (_, c) => c.leftAt?.slice(0, 10) ?? '' },
        ]}
      />
    </>
  );
}

/** 先锋岗: the community's pioneer posts, a form to set one up, and each post's claims (expand a row). */
export function PostsTab() {
  const { t, locale } = useT();
  const { communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<PostInput>();
  const [open, setOpen] = useState(false);
  const kind = Form.useWatch('placeKind', form);
  const posts = useQuery({ queryKey: partyKeys.posts(communityId), queryFn: () => fetchPosts(communityId) });
  const save = useMutation({
    mutationFn: (v: PostInput) => createPost({ ...v, communityId: communityId ?? undefined }),
    onSuccess: () => (setOpen(false), form.resetFields(), void qc.invalidateQueries({ queryKey: partyKeys.all })),
    onError: (err) => message.error(applyApiError(form, err)),
  });
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} style={{ marginBottom: 12 }} data-testid="party-new-post">
        {t('party.newPost')}
      </Button>
      <Table<PioneerPost>
        rowKey="id"
        size="small"
        loading={posts.isLoading}
        dataSource={posts.data?.items ?? []}
        expandable={{ expandedRowRender: (p) => <Claims post={p} /> }}
        columns={[
          { title: t('party.postName'), dataIndex: 'name' },
          { title: t('party.postClass'), render: (_, p) => partyPostClassLabels[locale][p.postClass] },
          { title: t('party.place'), render: (_, p) => `${partyPlaceKindLabels[locale][p.placeKind]} ${p.placeName ?? ''}` },
          { title: t('party.claimed'), render: (_, p) => `${p.claimedCount} / ${p.capacity}` },
        ]}
      />
      <Modal open={open} title={t('party.newPost')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={save.isPending}>
        <Form form={form} layout="vertical" initialValues={{ placeKind: 'compound', capacity: 2 }} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('party.postName')} rules={[requiredRule(t, t('party.postName'))]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="postClass" label={t('party.postClass')} rules={[requiredRule(t, t('party.postClass'), 'choose')]}>
            <Select options={partyPostClasses.map((c) => ({ value: c, label: partyPostClassLabels[locale][c] }))} />
          </Form.Item>
          <Form.Item name="placeKind" label={t('party.placeKind')}>
            <Select options={partyPostPlaceKinds.map((k) => ({ value: k, label: partyPlaceKindLabels[locale][k] }))} />
          </Form.Item>
          <Form.Item name="placeId" label={t('party.place')} rules={[requiredRule(t, t('party.place'), 'choose')]}>
            {kind === 'grid' ? <GridSelect /> : kind === 'compound' ? <CompoundSelect /> : <InputNumber min={1} placeholder={t('party.placeId')} />}
          </Form.Item>
          <Form.Item name="capacity" label={t('party.capacity')} rules={[requiredRule(t, t('party.capacity'))]}>
            <InputNumber min={1} max={500} />
          </Form.Item>
          <Form.Item name="description" label="">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
