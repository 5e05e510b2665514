import { describe, expect, it } from 'vitest';
import { jaccard, tokenize } from './segment.js';

describe('Chinese segmentation', () => {
  it('cuts for search, drops punctuation and stop words', () => {
    const t = tokenize('西2门外的垃圾中转站气味难闻，早上清运噪音扰民');
    expect(t).toEqual(expect.arrayContaining(['垃圾', '中转站', '气味', '噪音', '扰民']));
    expect(t).not.toContain('的');
    expect(t).not.toContain('，');
  });

  it('scores similar complaints above unrelated ones', () => {
    const a = tokenize('垃圾中转站气味很大，影响开窗');
    const b = tokenize('小区门口垃圾站异味大，夏天没法开窗');
    const c = tokenize('电梯经常困人，需要维修');
    expect(jaccard(a, b)).toBeGreaterThan(jaccard(a, c));
    expect(jaccard(a, c)).toBe(0);
  });
});
