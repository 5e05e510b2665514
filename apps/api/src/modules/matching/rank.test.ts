import { describe, expect, it } from 'vitest';
import { categoriesOf, matchTerms } from './synonyms.js';
import { rankCandidates, type IndexedCandidate } from './rank.js';

const cand = (over: Partial<IndexedCandidate>): IndexedCandidate => ({
  kind: 'partner',
  refId: 1,
  name: 'x',
  accountId: null,
  categories: [],
  terms: [],
  compoundId: null,
  gridId: null,
  ...over,
});

describe('matching terms and ranking', () => {
  it('帮老人买菜 meets 代购/跑腿 through the synonym table', () => {
    const need = matchTerms('帮老人买菜');
    expect(need).toContain('代购');
    expect(matchTerms('提供代购、跑腿服务')).toContain('代购');
    expect(categoriesOf(need)).toEqual(['errands']);
    expect(categoriesOf(matchTerms('陪老人去医院看病'))).toContain('medical');
  });

  it('puts the candidate of the same compound with the same service first, with its reason', () => {
    const needTerms = matchTerms('每周帮王奶奶买菜');
    const need = { terms: needTerms, categories: categoriesOf(needTerms), compoundId: 7, gridId: 3 };
    const ranked = rankCandidates(
      need,
      [
        cand({ refId: 1, name: '远处超市', categories: ['errands'], terms: ['代购'], compoundId: 9, gridId: 4 }),
        cand({ refId: 2, name: '楼下便利店', categories: ['errands'], terms: ['代购', '跑腿'], compoundId: 7, gridId: 3 }),
        cand({ refId: 3, name: '律所', categories: ['legal'], terms: ['法律'], compoundId: 7 }),
        cand({ refId: 4, name: '同网格志愿者', kind: 'volunteer', categories: ['errands'], compoundId: 8, gridId: 3, accountId: 5 }),
      ],
      10,
    );
    expect(ranked.map((r) => r.c.refId)).toEqual([2, 1, 4]);
    expect(ranked[0]!.r.reason['zh-CN']).toBe('同小区 · 服务类别相符 · 关键词：代购');
    expect(ranked[0]!.r.reason.en).toBe('same compound · service category matches · keywords: 代购');
    expect(ranked[2]!.r.reason['zh-CN']).toBe('同网格 · 服务类别相符');
  });

  it('a place alone is no match', () => {
    const ranked = rankCandidates({ terms: ['法律'], categories: ['legal'], compoundId: 1, gridId: 1 }, [cand({ compoundId: 1, terms: ['代购'] })], 5);
    expect(ranked).toEqual([]);
  });
});
