import { z } from 'zod';
import { idSchema } from './common.js';
import { fieldNames, fieldRules, formatFieldIssue, type Locale } from './i18n.js';
import { publicTags, sensitiveTags, tagLabels } from './places.js';

/** Roster dictionaries (ADR 0031): relations to the head of household, household types, and the resident tag dictionary. */

/** 与户主关系: the values a roster (and the resident form) may hold. */
export const relations = [
  '户主',
  '配偶',
  '子',
  '女',
  '子女',
  '父亲',
  '母亲',
  '公婆',
  '岳父母',
  '孙子',
  '孙女',
  '外孙子女',
  '儿媳',
  '女婿',
  '兄弟姐妹',
  '祖父母',
  '其他亲属',
  '租户',
  '保姆',
  '其他',
] as const;

/** 户类型: how a household stands against its hukou. */
export const householdTypes = ['户籍户', '人户分离户', '流动人口户', '空挂户', '集体户'] as const;
export const householdTypeLabels: Record<Locale, Record<(typeof householdTypes)[number], string>> = {
  'zh-CN': { 户籍户: '户籍户', 人户分离户: '人户分离户', 流动人口户: '流动人口户', 空挂户: '空挂户', 集体户: '集体户' },
  en: {
    户籍户: 'Registered here',
    人户分离户: 'Registered elsewhere',
    流动人口户: 'Migrant household',
    空挂户: 'Registered, not living here',
    集体户: 'Collective household',
  },
};

/** Other words a roster may use for a built-in tag (the labels of older templates). */
export const tagAliases: Record<string, string> = { 高龄: 'advanced_age', 失业: 'unemployed', 残疾: 'disabled', 低保: 'low_income', 空巢: 'empty_nest' };

/** One entry of a community's tag dictionary: the built-in tags, then the ones the community added. */
export const tagDefinitionSchema = z.object({
  code: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  /** Sensitive tags (health, 低保) are personal data: sealed, shown only in the logged full view. */
  sensitive: z.boolean(),
  builtIn: z.boolean(),
});
export type TagDefinition = z.infer<typeof tagDefinitionSchema>;
export const tagDictionarySchema = z.object({ items: z.array(tagDefinitionSchema) });
export const createTagSchema = z.object({
  communityId: idSchema.optional(),
  labelZh: z.string().trim().min(1).max(20),
  labelEn: z.string().trim().min(1).max(40),
  sensitive: z.boolean().default(false),
});
export type CreateTagInput = z.infer<typeof createTagSchema>;

/** The built-in part of every dictionary. */
export const builtInTags: TagDefinition[] = [...publicTags, ...sensitiveTags].map((code) => ({
  code,
  labelZh: tagLabels['zh-CN'][code]!,
  labelEn: tagLabels.en[code]!,
  sensitive: (sensitiveTags as readonly string[]).includes(code),
  builtIn: true,
}));

/** Why an import that was committed wrote nothing. */
export const importFailureReasons = {
  'zh-CN': {
    conflict: '导入期间有人修改了这些居民，请重新上传后再导入',
    place_changed: '导入期间小区或楼栋被删除或改名，请重新上传后再导入',
    internal: '服务器出错，没有写入任何数据，请稍后重试',
  },
  en: {
    conflict: 'These residents were changed while the import ran; upload the roster again',
    place_changed: 'A compound or building was removed or renamed while the import ran; upload the roster again',
    internal: 'A server error occurred and nothing was written; try again later',
  },
} as const satisfies Record<Locale, Record<string, string>>;

const rowLabel = { 'zh-CN': (n: number) => `第 ${n} 行`, en: (n: number) => `Row ${n}` };

/** One import error as a sentence naming the row, the column, the value and the rule. */
export function formatImportError(
  locale: Locale,
  e: { row: number; field: string; rule: string; value?: string; params?: Record<string, string | number> },
): string {
  const column = fieldNames[locale][e.field] ?? e.field;
  const value = e.value ? (locale === 'en' ? ` "${e.value}"` : `“${e.value}”`) : locale === 'en' ? ' (empty)' : '（空）';
  const rule = fieldRules[locale][e.rule] ? formatFieldIssue(locale, e) : formatFieldIssue(locale, { ...e, rule: 'invalid' });
  return `${rowLabel[locale](e.row)} · ${column}${value}${locale === 'en' ? ': ' : '：'}${rule}`;
}
