import type { HelpCategory } from '@linli/contracts';
import { tokenize } from '../../platform/text/segment.js';

/**
 * The explicit synonym table of matching (ADR 0038): jieba splits the words, this table says that 买菜 and 代购 are
 * one service. Each concept has the words that mean it and the help category it serves. The first word is the name
 * shown in a reason (关键词：代购).
 */
export const concepts: ReadonlyArray<{ words: readonly string[]; category: HelpCategory | null }> = [
  { words: ['代购', '买菜', '跑腿', '购物', '买药', '取药', '送菜', '配送', '超市', '采购', '代办', '代买', '送货'], category: 'errands' },
  { words: ['助餐', '送餐', '送饭', '老年餐', '食堂', '做饭', '餐食'], category: 'errands' },
  { words: ['陪伴', '聊天', '陪聊', '探访', '看望', '关爱', '孤独', '谈心', '慰问', '陪护'], category: 'companionship' },
  { words: ['就医', '陪诊', '看病', '医院', '体检', '义诊', '健康', '医疗', '护理', '康复', '量血压', '血压', '医生', '诊所', '药店'], category: 'medical' },
  { words: ['维修', '修理', '水电', '管道', '漏水', '家电', '换灯', '开锁', '修缮', '电路', '下水道', '水管'], category: 'repair' },
  { words: ['法律', '律师', '纠纷', '维权', '调解', '法律咨询', '公证'], category: 'legal' },
  { words: ['保洁', '打扫', '清洁', '家政', '卫生', '收纳'], category: 'cleaning' },
  { words: ['救助', '补贴', '资助', '捐款', '慰问金', '帮困', '助学'], category: 'financial' },
  { words: ['理发', '剪发', '美发'], category: 'other' },
  { words: ['辅导', '作业', '课业', '家教', '学习', '托管', '四点半'], category: 'other' },
  { words: ['心理', '心理咨询', '疏导', '情绪'], category: 'companionship' },
];

// Words that mean nothing for who could help.
const stop = new Set(['帮', '帮忙', '帮助', '需要', '服务', '提供', '老人', '家里', '一下', '每周', '每天', '可以', '免费', '进行', '开展']);

const conceptOf = new Map<string, number>();
concepts.forEach((c, i) => c.words.forEach((w) => conceptOf.set(w, i)));

/** The concept name a word stands for (its first word), or the word itself. */
export function canonical(word: string): string {
  const i = conceptOf.get(word);
  return i === undefined ? word : concepts[i]!.words[0]!;
}

/**
 * Matching terms of a text: jieba tokens without stop words, each replaced by its concept name; also any concept
 * word found inside the text as it stands (jieba may keep 帮老人买菜's 买菜 whole or split it). De-duplicated.
 */
export function matchTerms(text: string): string[] {
  const out = new Set<string>();
  for (const t of tokenize(text)) if (!stop.has(t)) out.add(canonical(t));
  for (const [w] of conceptOf) if (w.length > 1 && text.includes(w)) out.add(canonical(w));
  return [...out];
}

/** The help categories the terms speak of. */
export function categoriesOf(terms: readonly string[]): HelpCategory[] {
  const out = new Set<HelpCategory>();
  for (const t of terms) {
    const i = conceptOf.get(t);
    const c = i === undefined ? null : concepts[i]!.category;
    if (c) out.add(c);
  }
  return [...out];
}

/** True when the term is a concept name (shown first in a reason). */
export const isConcept = (term: string) => conceptOf.has(term) && canonical(term) === term;
