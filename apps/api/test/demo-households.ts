import { REF_YEAR, type DemoPerson } from '../src/demo/households.js';
import { decadeOf, givenNamesByDecade } from '../src/demo/names.js';

/**
 * The plausibility rules of a demo household (issue 8 item 4), checked on any list of members: used in households.test.ts on thousands of
 * generated households and in seed.test.ts on the households the seed wrote.
 */
export function householdProblems(members: Array<Pick<DemoPerson, 'name' | 'male' | 'year' | 'relation'>>): string[] {
  const problems: string[] = [];
  const head = members.find((m) => m.relation === '户主');
  const spouse = members.find((m) => m.relation === '配偶');
  const sur = (m: { name: string }) => m.name[0]!;
  if (!head) return ['no head'];
  if (members.filter((m) => m.relation === '户主').length !== 1) problems.push('more than one head');
  for (const m of members) {
    const pool = givenNamesByDecade[decadeOf(m.year)]!;
    if (!(m.male ? pool.male : pool.female).includes(m.name.slice(1))) problems.push(`${m.name} (${m.year}) has a name of another decade`);
  }
  if (spouse) {
    if (spouse.male === head.male) problems.push('spouses of the same sex');
    if (Math.abs(spouse.year - head.year) > 8) problems.push(`spouses ${Math.abs(spouse.year - head.year)} years apart`);
    if (sur(spouse) === sur(head)) problems.push('spouse carries the head’s surname');
  }
  const father = [head, spouse].find((m) => m?.male);
  const mother = [head, spouse].find((m) => m && !m.male);
  for (const c of members.filter((m) => m.relation === '子女')) {
    for (const p of [father, mother])
      if (p && (c.year - p.year < 20 || c.year - p.year > 40)) problems.push(`${c.name} born when a parent was ${c.year - p.year}`);
    if (!father || !mother) problems.push('a child without both parents');
    else if (sur(c) !== sur(father) && sur(c) !== sur(mother)) problems.push(`${c.name} has neither parent's surname`);
  }
  for (const p of members.filter((m) => m.relation === '父母')) {
    if (head.year - p.year < 20 || head.year - p.year > 40) problems.push(`head born when a parent was ${head.year - p.year}`);
    if (p.male && sur(p) !== sur(head)) problems.push('the head’s father has another surname');
  }
  for (const g of members.filter((m) => m.relation === '孙子女')) {
    if (g.year - head.year < 40 || g.year - head.year > 75) problems.push(`grandchild ${g.year - head.year} years younger`);
    if (sur(g) !== sur(head)) problems.push('grandchild without the grandfather’s surname');
  }
  if (members.some((m) => m.year > REF_YEAR - 1 || m.year < REF_YEAR - 100)) problems.push('an impossible age');
  return problems;
}
