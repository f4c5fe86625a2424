import DataLoader from 'dataloader';
import { LoaderFactory, RegisterMember } from '@saf/kit';
import { MemberStatus } from '../register/codes';
import { Person } from '../register/entities';

/** The latest year with a national poverty line: the default year of Household.assistance. */
export const latestPovertyLineYear: LoaderFactory<'latest', number | null> = (db) =>
  new DataLoader(async (keys) => {
    const [row] = await db.query('SELECT max(year) AS year FROM poverty_line');
    return keys.map(() => (row?.year == null ? null : Number(row.year)));
  });

/** The register's members as the other departments need them: every member, `active` for ACTIVE. */
export function registerMembers(people: readonly Person[]): RegisterMember[] {
  return people.map((p) => Object.assign(new RegisterMember(), { personId: p.id, birthDate: p.birthDate, active: p.memberStatus === MemberStatus.ACTIVE }));
}

export function countActive(people: readonly Person[]): number {
  return people.filter((p) => p.memberStatus === MemberStatus.ACTIVE).length;
}
