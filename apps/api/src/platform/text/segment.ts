import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;
// Words that carry no meaning for matching two complaints.
const stop = new Set([
  '的',
  '了',
  '和',
  '是',
  '在',
  '有',
  '我',
  '我们',
  '你',
  '他',
  '她',
  '也',
  '就',
  '都',
  '又',
  '很',
  '还',
  '要',
  '能',
  '会',
  '这',
  '那',
  '一个',
  '没有',
  '不',
  '请',
  '希望',
  '社区',
  '问题',
  '居民',
  '反映',
]);

/** Search tokens of a Chinese text (jieba, search mode), lower-cased, without punctuation and stop words, de-duplicated. */
export function tokenize(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  const out = new Set<string>();
  for (const raw of jieba.cutForSearch(text, true)) {
    const w = raw.trim().toLowerCase();
    if (!w || stop.has(w) || /^[\p{P}\p{S}\s]+$/u.test(w)) continue;
    if (w.length === 1 && !/\p{Script=Han}/u.test(w)) continue;
    out.add(w);
  }
  return [...out];
}

/** Jaccard similarity of two token sets. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  let inter = 0;
  for (const t of a) if (sb.has(t)) inter++;
  return inter / (a.length + sb.size - inter);
}
