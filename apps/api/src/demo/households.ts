import { between, weighted, type Rand } from './prng.js';
import { givenName, surname } from './names.js';

/** The year the demo's ages are counted from (birth dates are fixed, so the demo is the same every time). */
export const REF_YEAR = 2026;

/** 与户主关系 as the roster writes it. */
export type Relation = '户主' | '配偶' | '子女' | '父母' | '孙子女';
export interface DemoPerson {
  name: string;
  surname: string;
  male: boolean;
  year: number;
  birth: string;
  relation: Relation;
}

/**
 * The kinds of households a residential community holds, with how often each occurs: elderly people alone or in
 * couples (many in older compounds), young couples, parents with children, three generations under one roof, and
 * grandparents raising a grandchild.
 */
const kinds = { single_elder: 12, elder_couple: 18, young_couple: 8, nuclear: 33, three_gen: 13, single_adult: 9, grandparents: 7 } as const;
export type HouseholdKind = keyof typeof kinds;

function person(rand: Rand, sur: string, year: number, male: boolean, relation: Relation): DemoPerson {
  const birth = `${year}-${String(between(rand, 1, 12)).padStart(2, '0')}-${String(between(rand, 1, 28)).padStart(2, '0')}`;
  return { name: sur + givenName(rand, year, male), surname: sur, male, year, birth, relation };
}

/** A married couple: opposite sexes, each with their own surname, the wife mostly a few years younger. */
function couple(rand: Rand, minAge: number, maxAge: number, headMaleShare: number) {
  const husbandYear = REF_YEAR - between(rand, minAge, maxAge);
  const wifeYear = husbandYear + between(rand, -2, 5);
  const hs = surname(rand);
  let ws = surname(rand);
  while (ws === hs) ws = surname(rand);
  const headMale = rand() < headMaleShare;
  const husband = person(rand, hs, husbandYear, true, headMale ? '户主' : '配偶');
  const wife = person(rand, ws, Math.min(wifeYear, REF_YEAR - 20), false, headMale ? '配偶' : '户主');
  return { husband, wife, members: headMale ? [husband, wife] : [wife, husband] };
}

/** Children of a couple: born when both parents were 20–40, a few years apart, mostly with the father's surname. */
function children(rand: Rand, father: DemoPerson, mother: DemoPerson, n: number): DemoPerson[] {
  const out: DemoPerson[] = [];
  const first = Math.max(father.year, mother.year) + between(rand, 22, 30);
  const last = Math.min(father.year, mother.year) + 40;
  let year = first;
  for (let i = 0; i < n && year <= Math.min(last, REF_YEAR - 1); i++) {
    const sur = rand() < 0.9 ? father.surname : mother.surname;
    out.push(person(rand, sur, year, rand() < 0.5, '子女'));
    year += between(rand, 2, 6);
  }
  return out;
}

/** The head's parents: the father carries the head's surname, the mother her own. */
function parentsOf(rand: Rand, head: DemoPerson): DemoPerson[] {
  const fatherYear = head.year - between(rand, 24, 34);
  const motherYear = Math.min(fatherYear + between(rand, -1, 4), head.year - 21);
  let ms = surname(rand);
  while (ms === head.surname) ms = surname(rand);
  const both = [person(rand, head.surname, fatherYear, true, '父母'), person(rand, ms, motherYear, false, '父母')];
  // Often only one parent is still alive, more often the mother.
  const r = rand();
  return r < 0.45 ? both : r < 0.8 ? [both[1]!] : [both[0]!];
}

export function household(rand: Rand): { kind: HouseholdKind; members: DemoPerson[] } {
  const kind = weighted(rand, kinds);
  switch (kind) {
    case 'single_elder': {
      const male = rand() < 0.35;
      return { kind, members: [person(rand, surname(rand), REF_YEAR - between(rand, 66, 91), male, '户主')] };
    }
    case 'single_adult':
      return { kind, members: [person(rand, surname(rand), REF_YEAR - between(rand, 23, 58), rand() < 0.55, '户主')] };
    case 'elder_couple':
      return { kind, members: couple(rand, 62, 88, 0.85).members };
    case 'young_couple':
      return { kind, members: couple(rand, 25, 34, 0.8).members };
    case 'nuclear': {
      const c = couple(rand, 29, 56, 0.8);
      return { kind, members: [...c.members, ...children(rand, c.husband, c.wife, rand() < 0.6 ? 1 : 2)] };
    }
    case 'three_gen': {
      const c = couple(rand, 33, 50, 0.8);
      const head = c.members[0]!;
      return { kind, members: [...c.members, ...children(rand, c.husband, c.wife, 1), ...parentsOf(rand, head)] };
    }
    case 'grandparents': {
      // Grandparents raising their son's child while the parents work elsewhere (留守儿童).
      const c = couple(rand, 56, 70, 1);
      const year = Math.min(c.husband.year + between(rand, 46, 60), REF_YEAR - 3);
      return { kind, members: [...c.members, person(rand, c.husband.surname, year, rand() < 0.5, '孙子女')] };
    }
  }
}
