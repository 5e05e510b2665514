import { pick, type Rand } from './prng.js';

/**
 * Names for generated residents. Surnames weighted roughly by how common they are (the first ones most); given names by
 * the decade of birth, so a woman born in 1942 is a 秀英 or 桂兰 and a girl born in 2012 a 梓萱 or 一诺.
 * Single-character surnames only, so a name's first character is its surname.
 */
const common = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const lessCommon =
  '郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

export function surname(rand: Rand): string {
  return rand() < 0.55 ? pick(rand, [...common]) : pick(rand, [...lessCommon]);
}

type Pools = { male: readonly string[]; female: readonly string[] };
/** Given names by decade of birth (the decade's first year). */
export const givenNamesByDecade: Record<number, Pools> = {
  1930: {
    male: ['德胜', '福贵', '有才', '长春', '宝山', '玉林', '守仁', '金山', '树德', '振邦', '永年', '殿臣'],
    female: ['秀英', '桂兰', '玉兰', '淑珍', '凤英', '素芳', '翠花', '秀珍', '兰英', '桂芝', '玉珍', '淑英'],
  },
  1940: {
    male: ['德明', '福林', '振华', '文华', '永福', '长顺', '志远', '树林', '宝华', '庆云', '世昌', '满仓'],
    female: ['秀英', '桂英', '玉兰', '淑兰', '凤兰', '秀兰', '桂珍', '玉梅', '素英', '淑芬', '翠兰', '凤琴'],
  },
  1950: {
    male: ['建国', '国庆', '援朝', '建华', '跃进', '卫国', '志刚', '建设', '保国', '和平', '国强', '胜利'],
    female: ['秀兰', '桂英', '玉芳', '淑华', '秀云', '建英', '丽华', '美英', '国英', '秀梅', '玉华', '桂琴'],
  },
  1960: {
    male: ['卫东', '红军', '向东', '建军', '永红', '志军', '国平', '立新', '学军', '卫兵', '新民', '建平'],
    female: ['红梅', '红英', '丽萍', '卫红', '秀华', '爱华', '红霞', '彩霞', '小红', '春梅', '玉萍', '建红'],
  },
  1970: {
    male: ['志强', '海涛', '勇', '军', '伟', '斌', '永刚', '海军', '国华', '立军', '宏伟', '建伟'],
    female: ['丽', '艳', '敏', '燕', '霞', '芳', '丽娟', '艳红', '海燕', '晓红', '春燕', '红艳'],
  },
  1980: {
    male: ['磊', '鹏', '超', '浩', '涛', '强', '杰', '亮', '鑫', '俊杰', '晓东', '海波'],
    female: ['静', '婷', '丽娜', '娜', '晶', '倩', '雪', '丹', '晓燕', '莉', '佳', '慧'],
  },
  1990: {
    male: ['宇', '帅', '鹏飞', '凯', '博', '晨', '文博', '昊', '旭', '阳', '嘉伟', '志鹏'],
    female: ['欣', '婷婷', '佳琪', '雪婷', '梦瑶', '悦', '晓雪', '思雨', '佳怡', '文静', '月', '璐'],
  },
  2000: {
    male: ['子豪', '浩然', '宇轩', '俊熙', '梓豪', '博文', '子轩', '皓轩', '宇航', '家豪', '一鸣', '天佑'],
    female: ['欣怡', '梓涵', '雨桐', '诗涵', '子涵', '雨涵', '思涵', '可欣', '紫涵', '梦琪', '雨欣', '嘉怡'],
  },
  2010: {
    male: ['沐宸', '浩宇', '梓睿', '子墨', '奕辰', '宇泽', '睿泽', '梓轩', '锦程', '铭泽', '一诺', '煜祺'],
    female: ['依诺', '梓萱', '欣妍', '语桐', '可馨', '若汐', '沐曦', '诗琪', '梓沫', '一诺', '芷晴', '语汐'],
  },
  2020: {
    male: ['沐阳', '宸宇', '景行', '云帆', '承泽', '知远', '屹然', '星河'],
    female: ['芷若', '知夏', '安然', '清妍', '初一', '星辰', '沐晴', '若琳'],
  },
};

export const decadeOf = (year: number) => Math.min(2020, Math.max(1930, Math.floor(year / 10) * 10));

export function givenName(rand: Rand, birthYear: number, male: boolean): string {
  const pools = givenNamesByDecade[decadeOf(birthYear)]!;
  return pick(rand, male ? pools.male : pools.female);
}
