import { App, Button, Card, Checkbox, Form, Input, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { builtInTags, roleCan } from '@linli/contracts';
import { applyApiError } from '../../components/forms.js';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { createTag, fetchTagDictionary, placesKeys } from './api.js';

/** The community's resident tag dictionary (ADR 0031): the built-in tags, the community's own, and a form to add one. */
export function TagDictionaryCard() {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const { communityId, me } = useSession();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ labelZh: string; labelEn: string; sensitive: boolean }>();
  const tags = useQuery({ queryKey: placesKeys.tags(communityId), queryFn: () => fetchTagDictionary(communityId) });
  const add = useMutation({
    mutationFn: (v: { labelZh: string; labelEn: string; sensitive?: boolean }) =>
      createTag({ communityId: communityId ?? undefined, labelZh: v.labelZh, labelEn: v.labelEn, sensitive: v.sensitive ?? false }),
    onSuccess: () => {
      message.success(t('common.saved'));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: placesKeys.all });
    },
    onError: (err) => message.error(applyApiError(form, err)),
  });
  return (
    <Card title={t('tags.title')} style={{ marginTop: 16 }} data-testid="tag-dictionary">
      <Typography.Paragraph type="secondary">{t('tags.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        {tags.data?.items.map((tag) => (
          <Tag key={tag.code} color={tag.sensitive ? 'orange' : tag.builtIn ? undefined : 'blue'}>
            {locale === 'en' ? tag.labelEn : tag.labelZh}
            {tag.builtIn ? ` · ${t('tags.builtIn')}` : ''}
          </Tag>
        ))}
      </Space>
      {roleCan(me.role, 'residents.tags') && (
        <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)}>
          <Form.Item name="labelZh" label={t('tags.labelZh')} rules={[{ required: true, max: 20 }]}>
            <Input style={{ width: 140 }} data-testid="tag-label-zh" />
          </Form.Item>
          <Form.Item name="labelEn" label={t('tags.labelEn')} rules={[{ required: true, max: 40 }]}>
            <Input style={{ width: 180 }} data-testid="tag-label-en" />
          </Form.Item>
          <Form.Item name="sensitive" valuePropName="checked">
            <Checkbox>{t('tags.sensitive')}</Checkbox>
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending} data-testid="tag-add">
            {t('tags.add')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** The community's tags for the resident pages: a label for any code, and the options of the two tag fields. */
export function useTagDictionary() {
  const { locale } = useT();
  const { communityId } = useSession();
  const tags = useQuery({ queryKey: placesKeys.tags(communityId), queryFn: () => fetchTagDictionary(communityId) });
  const items = tags.data?.items ?? builtInTags;
  const labelOf = (code: string) => {
    const tag = items.find((x) => x.code === code);
    return tag ? (locale === 'en' ? tag.labelEn : tag.labelZh) : code;
  };
  const options = (sensitive: boolean) => items.filter((x) => x.sensitive === sensitive).map((x) => ({ value: x.code, label: labelOf(x.code) }));
  return { labelOf, publicOptions: options(false), sensitiveOptions: options(true) };
}
