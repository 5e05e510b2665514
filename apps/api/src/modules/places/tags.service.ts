import { builtInTags, tagAliases, type CreateTagInput, type TagDefinition } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../platform/access/actor.js';
import { invalidField, uniqueAs } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { CommunityId } from '../../platform/db/scope.js';
import * as repo from './tags.repository.js';

// The resident tag dictionary (ADR 0031): the built-in tags, then the ones a community added. The roster import and
// the resident form accept exactly these codes; a sensitive tag is sealed with the other personal fields.

export interface TagDictionary {
  items: TagDefinition[];
  byCode: Map<string, TagDefinition>;
  /** zh label, en label (lower case), code and older aliases → the tag. */
  byWord: Map<string, TagDefinition>;
}

type Db = AppContext['db'];

export async function loadTagDictionary(db: Db, communityId: CommunityId): Promise<TagDictionary> {
  const own = (await repo.listCommunityTags(db, communityId)).map<TagDefinition>((r) => ({
    code: `t${r.id}`,
    labelZh: r.label_zh,
    labelEn: r.label_en,
    sensitive: r.sensitive,
    builtIn: false,
  }));
  return makeTagDictionary(own);
}

/** The dictionary of the built-in tags and the community's own ones. */
export function makeTagDictionary(own: TagDefinition[] = []): TagDictionary {
  const items = [...builtInTags, ...own];
  const byCode = new Map(items.map((t) => [t.code, t]));
  const byWord = new Map<string, TagDefinition>();
  for (const t of items) for (const w of [t.code, t.labelZh, t.labelEn.toLowerCase()]) if (!byWord.has(w)) byWord.set(w, t);
  for (const [w, code] of Object.entries(tagAliases)) if (!byWord.has(w)) byWord.set(w, byCode.get(code)!);
  return { items, byCode, byWord };
}

export async function listTags(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'places.read');
  return { items: (await loadTagDictionary(ctx.db, resolveCommunityId(actor, communityId))).items };
}

export async function createTag(ctx: AppContext, actor: Actor, input: CreateTagInput): Promise<TagDefinition> {
  authorize(actor, 'residents.tags');
  const cid = resolveCommunityId(actor, input.communityId);
  const dict = await loadTagDictionary(ctx.db, cid);
  if (dict.byWord.has(input.labelZh)) throw invalidField('labelZh', 'taken');
  if (dict.byWord.has(input.labelEn.toLowerCase())) throw invalidField('labelEn', 'taken');
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo
      .insertCommunityTag(trx, { community_id: cid, label_zh: input.labelZh, label_en: input.labelEn, sensitive: input.sensitive, created_by: actor.accountId })
      .catch(uniqueAs('labelZh'));
    await writeAudit(trx, actor, { communityId: cid, action: 'resident_tag.created', entityType: 'resident_tag', entityId: id, changes: { ...input } });
    return { code: `t${id}`, labelZh: input.labelZh, labelEn: input.labelEn, sensitive: input.sensitive, builtIn: false };
  });
}

/** Checks a resident's tags against the community's dictionary: public tags among the public, sensitive among the sensitive. */
export async function checkResidentTags(db: Db, communityId: CommunityId, input: { tags?: string[]; sensitiveTags?: string[] }) {
  if (!input.tags?.length && !input.sensitiveTags?.length) return;
  const dict = await loadTagDictionary(db, communityId);
  for (const [field, list, sensitive] of [
    ['tags', input.tags, false],
    ['sensitiveTags', input.sensitiveTags, true],
  ] as const)
    for (const code of list ?? []) if (dict.byCode.get(code)?.sensitive !== sensitive) throw invalidField(field, 'invalid_option');
}
