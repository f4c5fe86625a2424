import { makeHouseholdId, makePersonId } from '@saf/kit';
import { countyModel, HealthStatus, LabourCapacity, PovertyCause, RegisterPreset, resolveSize, Rng, Village, Weighted } from '@saf/poverty-office';
import { DibaoCategory } from '../codes';
import { addDays, ymd } from '../records/dates';
import { dibaoLineFen } from '../reference/dibaoLines';
import { GenerateRecordOptions, generateRecords, HouseholdFacts, MemberFacts, Plan } from './households';
import { UNREGISTERED_DESTITUTE_SHARE, UNREGISTERED_SEQUENCE_START, UNREGISTERED_SHARE } from './params';
import { CivilAffairsRecords } from './rows';

/**
 * Legacy roster entries (两线合一 findings): dibao and destitute-support households that civil
 * affairs pays but the register does not have. Their IDs are valid household IDs under the county's
 * villages, with sequence numbers from 9001 — above every sequence the register uses (a village's
 * households are numbered 1..householdCount, see `registerSequences`); their persons are
 * <household ID>-NN. They cannot come from a register bundle, so they are made up here; the records
 * follow the same rules as for registered households.
 */
export function unregisteredRosterFor(size: number | RegisterPreset, seed: number, options: GenerateRecordOptions = {}): CivilAffairsRecords[] {
  return unregisteredHouseholds(size, seed).map(({ facts, destitute }) => {
    const plan: Plan = destitute
      ? { dibao: { kind: 'NONE' }, personMismatch: 'NONE', destitute: true }
      : { dibao: { kind: 'ACTIVE', since: 'BEFORE_ANCHOR' }, personMismatch: 'NONE', destitute: false };
    return generateRecords(facts, plan, seed, options);
  });
}

/** How many legacy roster households a county of `size` households gets. */
export function unregisteredCount(size: number | RegisterPreset): number {
  return Math.max(1, Math.round(resolveSize(size) * UNREGISTERED_SHARE));
}

/** The register's household sequences per village: 1..n, keyed by village code. */
export function registerSequences(size: number | RegisterPreset, seed: number): Map<string, number> {
  return new Map(countyModel(size, seed).villages.map((v) => [v.code, v.householdCount]));
}

function unregisteredHouseholds(size: number | RegisterPreset, seed: number): Array<{ facts: HouseholdFacts; destitute: boolean }> {
  const county = countyModel(size, seed);
  const villages = county.villages.filter((v) => v.householdCount < UNREGISTERED_SEQUENCE_START);
  const rng = Rng.derive(seed, 0xc1a1, 0x9001);
  const next = new Map<Village, number>();
  const out: Array<{ facts: HouseholdFacts; destitute: boolean }> = [];
  for (let k = 0; k < unregisteredCount(size) && villages.length > 0; k++) {
    const village = villages[rng.int(0, villages.length - 1)];
    const sequence = next.get(village) ?? UNREGISTERED_SEQUENCE_START;
    if (sequence > 9999) continue;
    next.set(village, sequence + 1);
    const town = county.towns[village.townIndex];
    const id = makeHouseholdId(village.code, sequence);
    const h = Rng.derive(seed, 0xc1a1, 0x9002, Number(id.slice(0, 8)), Number(id.slice(8)));
    const destitute = h.bool(UNREGISTERED_DESTITUTE_SHARE);
    const members = destitute ? [member(h, id, 1, h.int(62, 88))] : family(h, id);
    const incomeShare = h.real(0.3, 0.8);
    out.push({
      destitute,
      facts: {
        householdId: id,
        inRegister: false,
        townName: town.name,
        townIsZhen: town.kind === 'ZHEN',
        registerCategory: null,
        mainCause: h.bool(0.5) ? PovertyCause.ILLNESS : PovertyCause.LACK_OF_LABOUR,
        otherCauses: [],
        // Approved before 建档立卡 was cleaned up, and never carried into the register.
        anchorDate: addDays('2013-09-01', h.int(0, 1200)),
        exitDate: null,
        members,
        incomeFen: (year) => Math.round(dibaoLineFen(DibaoCategory.RURAL, year) * 12 * incomeShare),
      },
    });
  }
  return out;
}

function family(rng: Rng, id: string): MemberFacts[] {
  const headAge = rng.int(45, 82);
  const members = [member(rng, id, 1, headAge)];
  if (rng.bool(0.6)) members.push(member(rng, id, 2, Math.max(40, headAge + rng.int(-6, 4))));
  const children = headAge < 65 ? rng.int(0, 2) : 0;
  for (let i = 0; i < children; i++) members.push(member(rng, id, members.length + 1, rng.int(8, 25)));
  return members;
}

function member(rng: Rng, householdId: string, n: number, age: number): MemberFacts {
  const health = age >= 60
    ? rng.weighted(ELDER_HEALTH)
    : rng.bool(0.15) ? HealthStatus.DISABLED : rng.bool(0.2) ? HealthStatus.CHRONIC_ILLNESS : HealthStatus.HEALTHY;
  const labour = age < 16 || age >= 70 || health === HealthStatus.SERIOUS_ILLNESS ? LabourCapacity.NONE : health === HealthStatus.DISABLED ? LabourCapacity.LOST : LabourCapacity.ORDINARY;
  return {
    id: makePersonId(householdId, n),
    birthDate: ymd(2020 - age, rng.int(1, 12), rng.int(1, 28)),
    healthStatus: health,
    labourCapacity: labour,
    migrantWorkMonths: 0,
    inSchool: age >= 6 && age <= 18,
  };
}

const ELDER_HEALTH = new Weighted<HealthStatus>([[HealthStatus.HEALTHY, 40], [HealthStatus.CHRONIC_ILLNESS, 35], [HealthStatus.SERIOUS_ILLNESS, 8], [HealthStatus.DISABLED, 17]]);
