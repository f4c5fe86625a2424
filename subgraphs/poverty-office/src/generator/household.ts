import { makeHouseholdId, makePersonId } from '@saf/kit';
import {
  EXIT_STEPS,
  EducationLevel,
  HealthStatus,
  IDENTIFICATION_STEPS,
  IdentificationStandard,
  LabourCapacity,
  MemberStatus,
  POSTING_STEPS,
  PovertyCause,
  PovertyStatus,
  ProcedureKind,
  ProcedureStepCode,
  Relation,
  SchoolingStatus,
  Sex,
  UnitLevel,
  WelfareCategory,
} from '../register/codes';
import { County, Town, Village, cadreId, cadreIndexFor, cadreRow } from './county';
import { ageOn, day, formatDay, parseDay, timestampOn, yearOfDay } from './dates';
import { BANKS, SURNAMES, bankAccount, givenName, givenNameChar, mobilePhone } from './names';
import {
  ADDRESS_CODES,
  AGE_REFERENCE,
  CADRE_REASSIGNMENT_SHARE,
  COUNTY,
  COUNTY_RENAMED_ON,
  DROPOUT_SHARE,
  DROPOUT_SHARE_DISABLED,
  EXIT_YEARS,
  FIRST_EXIT_YEAR,
  IDENTIFICATION_YEARS,
  LAST_DATA_YEAR,
  MAIN_CAUSES,
  NOT_EXITED_SHARE,
  OTHER_CAUSES,
  OTHER_CAUSE_COUNT,
  RETURNED_SHARE,
  SIZE_DESTITUTE,
  SIZE_DIBAO,
  SIZE_GENERAL,
  SIZE_LACK_OF_LABOUR,
  SIZE_SCHOOLING,
  welfareTable,
} from './params';
import { Rng, Weighted } from './prng';
import { ResidentIdAllocator } from './residentIds';
import {
  CadreAssignmentRow,
  HouseholdRow,
  IncomeRow,
  PersonRow,
  ProcedureStepRow,
  StatusPeriodRow,
  VisitRow,
} from './rows';

/** Everything generated for one household: its rows in every register table, and handy facts. */
export interface HouseholdBundle {
  /** 0-based position in the generation order (village code order). */
  index: number;
  town: Town;
  village: Village;
  household: HouseholdRow;
  /** Members in person-number order; the head is first (…-01). */
  members: GeneratedPerson[];
  /** 建档 date (start of the NOT_EXITED period). */
  identificationDate: string;
  /** 销号 date (start of the EXITED_WITH_POLICY period), if the household exited. */
  exitDate: string | null;
  /** Start of the RETURNED_TO_POVERTY period, if it fell back. */
  returnDate: string | null;
  statusPeriods: StatusPeriodRow[];
  incomes: IncomeRow[];
  cadreAssignments: CadreAssignmentRow[];
  /** Empty when generated without details. */
  visits: VisitRow[];
  /** Empty when generated without details. */
  procedureSteps: ProcedureStepRow[];
}

/** A person row plus the age on AGE_REFERENCE (2020-08-31), for consumers that think in ages. */
export interface GeneratedPerson extends PersonRow {
  age: number;
}

/** Shared state of one generation walk. */
export interface GenerationContext {
  county: County;
  seed: number;
  /** Poverty line in fen per person per year, by year. */
  povertyLineFen: (year: number) => number;
  residentIds: ResidentIdAllocator;
  details: boolean;
  /** Village batch schedules, cached while the walk stays in one village. */
  schedules: { village: number; identification: Map<number, IdentificationSchedule>; exit: Map<number, ExitSchedule> };
}

// Random streams of a household (independent, so optional parts never shift the others).
const STREAM_CORE = 1;
const STREAM_INCOME = 2;
const STREAM_VISITS = 3;
const STREAM_STEPS = 4;
const STREAM_CADRES = 5;
const STREAM_ID_BATCH = 0x1d;
const STREAM_EXIT_BATCH = 0xe1;

const AGE_REF_DAY = parseDay(AGE_REFERENCE);
const RENAMED_DAY = parseDay(COUNTY_RENAMED_ON);

type Role = 'head' | 'spouse' | 'child' | 'childSpouse' | 'grandchild' | 'parent';
interface MemberSpec {
  role: Role;
  relation: Relation;
  sex: Sex;
  age: number;
  surname: string;
  /** Forced to be in school (the student of a SCHOOLING household). */
  student?: boolean;
  /** Married into the family (spouse, child's spouse): more often from a neighbouring county. */
  marriedIn?: boolean;
  /** 字辈: a generation character shared with siblings. */
  generation?: string;
}

export function generateHousehold(ctx: GenerationContext, town: Town, village: Village, sequence: number): HouseholdBundle {
  const index = village.householdStart + sequence - 1;
  const inTown = index - town.householdStart;
  const id = makeHouseholdId(village.code, sequence);
  const rng = Rng.derive(ctx.seed, index, STREAM_CORE);

  // Causes and welfare category.
  const mainCause = rng.weighted(MAIN_CAUSES);
  const otherCauses: PovertyCause[] = [];
  const others = rng.weighted(OTHER_CAUSE_COUNT);
  for (let tries = 0; otherCauses.length < others && tries < 20; tries++) {
    const c = rng.weighted(OTHER_CAUSES);
    if (c !== mainCause && !otherCauses.includes(c)) otherCauses.push(c);
  }
  const welfare = rng.weighted(welfareTable(mainCause));
  const destitute = welfare === WelfareCategory.DESTITUTE || welfare === WelfareCategory.DIBAO_DESTITUTE;

  // Members.
  const specs = compose(rng, mainCause, welfare);
  const members = specs.map((spec, i) => {
    const person = makePerson(ctx, rng, id, i + 1, spec, mainCause);
    return person;
  });
  applyHealthAndLabour(rng, members, specs, mainCause, destitute);

  // Status history.
  const identificationYear = rng.weighted(IDENTIFICATION_YEARS);
  const ident = identificationSchedule(ctx, village, identificationYear);
  const identificationDay = ident.systemEntry + rng.int(0, 7);
  const sick = mainCause === PovertyCause.ILLNESS || mainCause === PovertyCause.DISABILITY || mainCause === PovertyCause.LACK_OF_LABOUR;
  const pNotExited = NOT_EXITED_SHARE * (sick ? 1.6 : 0.6) * (destitute ? 1.5 : 1);
  const u = rng.float();
  let status = PovertyStatus.EXITED_WITH_POLICY;
  if (u < pNotExited) status = PovertyStatus.NOT_EXITED;
  else if (u < pNotExited + RETURNED_SHARE && identificationYear < LAST_DATA_YEAR - 1) status = PovertyStatus.RETURNED_TO_POVERTY;
  let exitYear: number | null = null;
  let exitDay: number | null = null;
  let returnDay: number | null = null;
  const exitDraw = rng.float();
  const returnDraw = rng.float();
  if (status !== PovertyStatus.NOT_EXITED) {
    const last = status === PovertyStatus.RETURNED_TO_POVERTY ? LAST_DATA_YEAR - 1 : LAST_DATA_YEAR;
    exitYear = pickYear(EXIT_YEARS, Math.max(FIRST_EXIT_YEAR, identificationYear + 1), last, exitDraw);
    exitDay = exitSchedule(ctx, village, exitYear).removal;
    if (status === PovertyStatus.RETURNED_TO_POVERTY) {
      const returnYear = exitYear + 1 + Math.floor(returnDraw * (LAST_DATA_YEAR - exitYear));
      returnDay = day(returnYear, 3, 1) + Math.floor(rng.float() * 214);
    }
  }
  const statusPeriods: StatusPeriodRow[] = [
    {
      householdId: id, status: PovertyStatus.NOT_EXITED, effectiveFrom: formatDay(identificationDay),
      effectiveTo: exitDay === null ? null : formatDay(exitDay), reason: '精准识别，建档立卡', recordedAt: timestampOn(identificationDay),
    },
  ];
  if (exitDay !== null) {
    statusPeriods.push({
      householdId: id, status: PovertyStatus.EXITED_WITH_POLICY, effectiveFrom: formatDay(exitDay),
      effectiveTo: returnDay === null ? null : formatDay(returnDay), reason: '达到脱贫标准，公示公告后退出', recordedAt: timestampOn(exitDay),
    });
  }
  if (returnDay !== null) {
    statusPeriods.push({
      householdId: id, status: PovertyStatus.RETURNED_TO_POVERTY, effectiveFrom: formatDay(returnDay), effectiveTo: null,
      reason: RETURN_REASONS[mainCause] ?? '因其他原因返贫', recordedAt: timestampOn(returnDay),
    });
  }
  const lastChange = returnDay ?? exitDay ?? identificationDay;

  const household: HouseholdRow = {
    id,
    regionCode: village.code,
    identificationStandard: rng.bool(0.96) ? IdentificationStandard.NATIONAL : IdentificationStandard.PROVINCIAL,
    welfareCategory: welfare,
    mainCause,
    otherCauses,
    status,
    identificationYear,
    exitYear,
    address: `重庆市${COUNTY.name}${town.name}${village.name}${rng.int(1, 12)}组`,
    phone: mobilePhone(rng),
    bankName: rng.weighted(BANKS),
    bankAccount: bankAccount(rng),
    createdAt: timestampOn(identificationDay),
    updatedAt: timestampOn(lastChange),
  };
  for (const m of members) {
    const added = Math.max(identificationDay, parseDay(m.birthDate) + 30);
    m.createdAt = timestampOn(added);
    m.updatedAt = timestampOn(Math.max(added, lastChange));
  }

  const incomes = makeIncomes(ctx, index, id, members.length, identificationYear, exitYear, returnDay === null ? null : yearOfDay(returnDay));
  const assignments = makeAssignments(ctx, town, index, inTown, id, identificationDay);
  const bundle: HouseholdBundle = {
    index, town, village, household, members,
    identificationDate: formatDay(identificationDay),
    exitDate: exitDay === null ? null : formatDay(exitDay),
    returnDate: returnDay === null ? null : formatDay(returnDay),
    statusPeriods, incomes, cadreAssignments: assignments.rows, visits: [], procedureSteps: [],
  };
  if (ctx.details) {
    bundle.visits = makeVisits(ctx, index, id, identificationYear, exitDay, returnDay, assignments.spans);
    bundle.procedureSteps = makeSteps(ctx, index, id, town, village, members[0].name, ident, identificationDay, exitYear);
  }
  return bundle;
}

const RETURN_REASONS: Partial<Record<PovertyCause, string>> = {
  [PovertyCause.ILLNESS]: '因病返贫',
  [PovertyCause.DISABILITY]: '因残返贫',
  [PovertyCause.DISASTER]: '因灾返贫',
  [PovertyCause.SCHOOLING]: '因学返贫',
  [PovertyCause.LACK_OF_LABOUR]: '缺劳力返贫',
};

function pickYear(weights: ReadonlyArray<readonly [number, number]>, from: number, to: number, u: number): number {
  const allowed = weights.filter(([y]) => y >= from && y <= to);
  if (allowed.length === 0) return Math.min(Math.max(from, weights[0][0]), to);
  const total = allowed.reduce((s, [, w]) => s + w, 0);
  let x = u * total;
  for (const [y, w] of allowed) {
    if (x < w) return y;
    x -= w;
  }
  return allowed[allowed.length - 1][0];
}

// ---------------------------------------------------------------------------------------------
// Household composition

type Structure = 'SINGLE' | 'ELDER_COUPLE' | 'YOUNG_COUPLE' | 'PARENT_CHILD' | 'HEAD_PARENT' | 'NUCLEAR' | 'THREE_GEN' | 'SKIP_GEN' | 'SINGLE_PARENT';

const PAIR_STRUCTURES = new Weighted<Structure>([['ELDER_COUPLE', 45], ['YOUNG_COUPLE', 5], ['PARENT_CHILD', 30], ['HEAD_PARENT', 20]]);
const PAIR_STRUCTURES_NO_LABOUR = new Weighted<Structure>([['ELDER_COUPLE', 60], ['PARENT_CHILD', 20], ['HEAD_PARENT', 20]]);
const LARGE_STRUCTURES = new Weighted<Structure>([['NUCLEAR', 55], ['THREE_GEN', 30], ['SKIP_GEN', 7], ['SINGLE_PARENT', 8]]);
const LARGE_STRUCTURES_SCHOOLING = new Weighted<Structure>([['NUCLEAR', 65], ['THREE_GEN', 25], ['SINGLE_PARENT', 10]]);
const LARGE_STRUCTURES_NO_LABOUR = new Weighted<Structure>([['THREE_GEN', 35], ['SKIP_GEN', 35], ['SINGLE_PARENT', 30]]);

function compose(rng: Rng, cause: PovertyCause, welfare: WelfareCategory): MemberSpec[] {
  const destitute = welfare === WelfareCategory.DESTITUTE || welfare === WelfareCategory.DIBAO_DESTITUTE;
  const schooling = cause === PovertyCause.SCHOOLING;
  const noLabour = cause === PovertyCause.LACK_OF_LABOUR;
  let size: number;
  if (destitute) size = rng.weighted(SIZE_DESTITUTE);
  else if (schooling) size = rng.weighted(SIZE_SCHOOLING);
  else if (noLabour) size = rng.weighted(SIZE_LACK_OF_LABOUR);
  else if (welfare === WelfareCategory.DIBAO) size = rng.weighted(SIZE_DIBAO);
  else size = rng.weighted(SIZE_GENERAL);

  let structure: Structure;
  if (size === 1) structure = 'SINGLE';
  else if (destitute) structure = 'ELDER_COUPLE';
  else if (size === 2) structure = schooling ? 'PARENT_CHILD' : rng.weighted(noLabour ? PAIR_STRUCTURES_NO_LABOUR : PAIR_STRUCTURES);
  else {
    structure = rng.weighted(schooling ? LARGE_STRUCTURES_SCHOOLING : noLabour ? LARGE_STRUCTURES_NO_LABOUR : LARGE_STRUCTURES);
    if (structure === 'THREE_GEN' && size < 4) structure = noLabour ? 'SKIP_GEN' : 'NUCLEAR';
  }
  const b = new FamilyBuilder(rng);
  switch (structure) {
    case 'SINGLE': {
      const age = destitute ? (rng.bool(0.8) ? rng.int(60, 90) : rng.int(35, 59)) : noLabour ? rng.int(62, 90) : rng.int(40, 88);
      b.head(rng.bool(0.68) ? Sex.MALE : Sex.FEMALE, age);
      break;
    }
    case 'ELDER_COUPLE':
    case 'YOUNG_COUPLE': {
      const age = structure === 'YOUNG_COUPLE' ? rng.int(22, 45) : rng.int(58, 86);
      b.head(rng.bool(0.85) ? Sex.MALE : Sex.FEMALE, age);
      b.spouse();
      break;
    }
    case 'PARENT_CHILD': {
      const childAge = schooling ? rng.int(8, 21) : rng.int(0, 40);
      b.head(rng.bool(0.45) ? Sex.MALE : Sex.FEMALE, Math.min(92, childAge + rng.int(20, 34)));
      b.children([childAge], schooling);
      break;
    }
    case 'HEAD_PARENT': {
      const age = rng.int(28, 62);
      b.head(rng.bool(0.75) ? Sex.MALE : Sex.FEMALE, age);
      b.parents(1);
      break;
    }
    case 'NUCLEAR': {
      let kids = size - 2;
      let parents = 0;
      if (kids > 3) {
        parents = Math.min(2, kids - 3);
        kids -= parents;
      }
      const ages = childAges(rng, kids, schooling ? rng.int(13, 21) : undefined, rng.bool(0.65) ? rng.int(0, 14) : rng.int(15, 26));
      const motherAge = ages[0] + rng.int(20, 31);
      if (rng.bool(0.9)) {
        b.head(Sex.MALE, motherAge + rng.int(-1, 5));
        b.spouse(motherAge);
      } else {
        b.head(Sex.FEMALE, motherAge);
        b.spouse(motherAge + rng.int(-1, 5));
      }
      b.children(ages, schooling);
      b.parents(parents);
      break;
    }
    case 'SINGLE_PARENT': {
      let kids = Math.min(4, size - 1);
      const parents = Math.min(2, size - 1 - kids);
      kids = size - 1 - parents;
      const ages = childAges(rng, kids, schooling ? rng.int(12, 21) : undefined, rng.int(0, 20));
      b.head(rng.bool(0.4) ? Sex.MALE : Sex.FEMALE, Math.min(90, ages[0] + rng.int(20, 32)));
      b.children(ages, schooling);
      b.parents(parents);
      break;
    }
    case 'THREE_GEN': {
      let spouse = true;
      let childSpouse = true;
      let grandchildren = size - 4;
      if (grandchildren < 1) {
        if (rng.bool(0.5)) spouse = false;
        else childSpouse = false;
        grandchildren++;
      }
      const extraChildren = Math.max(0, grandchildren - 3);
      grandchildren -= extraChildren;
      const gAges = childAges(rng, grandchildren, schooling && extraChildren === 0 ? rng.int(12, 20) : undefined, rng.int(0, 14));
      const middleAge = gAges[0] + rng.int(21, 31);
      const viaDaughter = rng.bool(0.15); // 上门女婿: the daughter stays, her husband marries in
      const headAge = Math.min(92, middleAge + rng.int(21, 32));
      b.head(rng.bool(0.85) ? Sex.MALE : Sex.FEMALE, headAge);
      if (spouse) b.spouse();
      b.marriedChild(viaDaughter ? Sex.FEMALE : Sex.MALE, middleAge, childSpouse);
      if (extraChildren > 0) {
        const extra = childAges(rng, extraChildren, schooling ? rng.int(16, 21) : undefined, Math.max(16, middleAge - rng.int(2, 12)));
        b.children(extra.map((a) => Math.min(a, middleAge - 1)), schooling);
      }
      b.grandchildren(gAges, viaDaughter, schooling && extraChildren === 0);
      break;
    }
    case 'SKIP_GEN': {
      const spouse = rng.bool(0.7) && size >= 3;
      const n = size - 1 - (spouse ? 1 : 0);
      const gAges = childAges(rng, n, schooling ? rng.int(10, 18) : undefined, rng.int(0, 15));
      b.head(rng.bool(0.7) ? Sex.MALE : Sex.FEMALE, Math.min(85, gAges[0] + rng.int(42, 60)));
      if (spouse) b.spouse();
      b.grandchildren(gAges, rng.bool(0.25), schooling);
      break;
    }
  }
  return b.members;
}

/**
 * Ages of n siblings, oldest first. With `oldest`, the oldest has that age (the student of a
 * schooling household); otherwise the youngest has age `youngest`. Gaps of 1-5 years.
 */
function childAges(rng: Rng, n: number, oldest: number | undefined, youngest: number): number[] {
  if (n <= 0) return [];
  const gaps = Array.from({ length: n - 1 }, () => rng.int(1, 5));
  const ages: number[] = [];
  if (oldest !== undefined) {
    let a = oldest;
    ages.push(a);
    for (const g of gaps) ages.push((a = Math.max(0, a - g)));
  } else {
    let a = youngest;
    ages.unshift(a);
    for (const g of gaps) ages.unshift((a += g));
  }
  return ages;
}

class FamilyBuilder {
  readonly members: MemberSpec[] = [];
  private headSpec!: MemberSpec;
  private spouseSpec: MemberSpec | null = null;
  /** Surname the head's children carry. */
  private childSurname!: string;

  constructor(private readonly rng: Rng) {}

  head(sex: Sex, age: number): void {
    this.headSpec = { role: 'head', relation: Relation.HEAD, sex, age, surname: SURNAMES.at(this.rng.float()) };
    this.members.push(this.headSpec);
    // A single mother's children usually carry their late or absent father's surname.
    this.childSurname = sex === Sex.MALE || this.rng.bool(0.5) ? this.headSpec.surname : this.otherSurname(this.headSpec.surname);
  }

  spouse(age?: number): void {
    const h = this.headSpec;
    const sex = h.sex === Sex.MALE ? Sex.FEMALE : Sex.MALE;
    const a = age ?? Math.max(20, Math.min(95, h.sex === Sex.MALE ? h.age - this.rng.int(-2, 6) : h.age + this.rng.int(-2, 6)));
    this.spouseSpec = { role: 'spouse', relation: Relation.SPOUSE, sex, age: a, surname: this.otherSurname(h.surname), marriedIn: true };
    this.members.push(this.spouseSpec);
    if (sex === Sex.MALE) this.childSurname = this.spouseSpec.surname;
  }

  children(ages: number[], schooling: boolean): void {
    const gen = this.generationChars();
    for (const age of ages) {
      const sex = this.rng.bool(0.53) ? Sex.MALE : Sex.FEMALE;
      this.members.push({
        role: 'child', relation: sex === Sex.MALE ? Relation.SON : Relation.DAUGHTER, sex, age, surname: this.childSurname,
        student: schooling && age === ages[0] && age >= 6 && age <= 22, generation: gen[sex],
      });
    }
  }

  marriedChild(sex: Sex, age: number, withSpouse: boolean): void {
    const child: MemberSpec = { role: 'child', relation: sex === Sex.MALE ? Relation.SON : Relation.DAUGHTER, sex, age, surname: this.childSurname };
    this.members.push(child);
    if (withSpouse) {
      const partnerSex = sex === Sex.MALE ? Sex.FEMALE : Sex.MALE;
      const partnerAge = Math.max(20, sex === Sex.MALE ? age - this.rng.int(-2, 5) : age + this.rng.int(-1, 5));
      this.members.push({
        role: 'childSpouse', relation: sex === Sex.MALE ? Relation.DAUGHTER_IN_LAW : Relation.SON_IN_LAW, sex: partnerSex,
        age: partnerAge, surname: this.otherSurname(child.surname), marriedIn: true,
      });
    }
  }

  /** `viaDaughter`: the grandchildren are a daughter's children (may carry another surname). */
  grandchildren(ages: number[], viaDaughter: boolean, schooling: boolean): void {
    const surname = viaDaughter && this.rng.bool(0.3) ? this.otherSurname(this.childSurname) : this.childSurname;
    const gen = this.generationChars();
    for (const age of ages) {
      const sex = this.rng.bool(0.53) ? Sex.MALE : Sex.FEMALE;
      this.members.push({
        role: 'grandchild', relation: sex === Sex.MALE ? Relation.GRANDSON : Relation.GRANDDAUGHTER, sex, age, surname,
        student: schooling && age === ages[0] && age >= 6 && age <= 22, generation: gen[sex],
      });
    }
  }

  parents(n: number): void {
    const h = this.headSpec;
    const sexes = n >= 2 ? [Sex.MALE, Sex.FEMALE] : n === 1 ? [this.rng.bool(0.65) ? Sex.FEMALE : Sex.MALE] : [];
    const fatherAge = Math.min(97, h.age + this.rng.int(23, 33));
    for (const sex of sexes) {
      const age = sex === Sex.MALE ? fatherAge : Math.min(96, Math.max(h.age + 19, fatherAge - this.rng.int(0, 5)));
      this.members.push({
        role: 'parent', relation: sex === Sex.MALE ? Relation.FATHER : Relation.MOTHER, sex, age,
        surname: sex === Sex.MALE ? h.surname : this.otherSurname(h.surname),
      });
    }
  }

  /** 字辈: a third of sibling groups share the first character of their given names, by sex. */
  private generationChars(): Record<Sex, string | undefined> {
    if (!this.rng.bool(0.3)) return { [Sex.MALE]: undefined, [Sex.FEMALE]: undefined };
    return { [Sex.MALE]: givenNameChar(this.rng, Sex.MALE, 1995), [Sex.FEMALE]: givenNameChar(this.rng, Sex.FEMALE, 1995) };
  }

  private otherSurname(not: string): string {
    let s = SURNAMES.at(this.rng.float());
    for (let i = 0; i < 3 && s === not; i++) s = SURNAMES.at(this.rng.float());
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Persons

const EDU = EducationLevel;
const ADULT_EDUCATION: Array<[number, Weighted<EducationLevel>, Weighted<EducationLevel>]> = [
  // [born before, male, female]
  [1950, w([[EDU.ILLITERATE, 30], [EDU.PRIMARY, 52], [EDU.JUNIOR_SECONDARY, 15], [EDU.SENIOR_SECONDARY, 3]]),
    w([[EDU.ILLITERATE, 62], [EDU.PRIMARY, 32], [EDU.JUNIOR_SECONDARY, 5], [EDU.SENIOR_SECONDARY, 1]])],
  [1965, w([[EDU.ILLITERATE, 10], [EDU.PRIMARY, 48], [EDU.JUNIOR_SECONDARY, 35], [EDU.SENIOR_SECONDARY, 7]]),
    w([[EDU.ILLITERATE, 30], [EDU.PRIMARY, 48], [EDU.JUNIOR_SECONDARY, 19], [EDU.SENIOR_SECONDARY, 3]])],
  [1980, w([[EDU.ILLITERATE, 3], [EDU.PRIMARY, 35], [EDU.JUNIOR_SECONDARY, 52], [EDU.SENIOR_SECONDARY, 7], [EDU.VOCATIONAL, 3]]),
    w([[EDU.ILLITERATE, 8], [EDU.PRIMARY, 45], [EDU.JUNIOR_SECONDARY, 40], [EDU.SENIOR_SECONDARY, 5], [EDU.VOCATIONAL, 2]])],
  [1995, w([[EDU.ILLITERATE, 2], [EDU.PRIMARY, 16], [EDU.JUNIOR_SECONDARY, 60], [EDU.SENIOR_SECONDARY, 10], [EDU.VOCATIONAL, 9], [EDU.TERTIARY, 3]]),
    w([[EDU.ILLITERATE, 3], [EDU.PRIMARY, 18], [EDU.JUNIOR_SECONDARY, 58], [EDU.SENIOR_SECONDARY, 10], [EDU.VOCATIONAL, 8], [EDU.TERTIARY, 3]])],
  [9999, w([[EDU.PRIMARY, 4], [EDU.JUNIOR_SECONDARY, 50], [EDU.SENIOR_SECONDARY, 16], [EDU.VOCATIONAL, 22], [EDU.TERTIARY, 8]]),
    w([[EDU.PRIMARY, 4], [EDU.JUNIOR_SECONDARY, 48], [EDU.SENIOR_SECONDARY, 17], [EDU.VOCATIONAL, 22], [EDU.TERTIARY, 9]])],
];
function w<T>(entries: Array<[T, number]>): Weighted<T> {
  return new Weighted(entries);
}

function makePerson(ctx: GenerationContext, rng: Rng, householdId: string, n: number, spec: MemberSpec, cause: PovertyCause): GeneratedPerson {
  const birthDay = AGE_REF_DAY - Math.floor(spec.age * 365.2425) - rng.int(0, 364);
  const age = ageOn(birthDay, AGE_REF_DAY);
  const birthYear = yearOfDay(birthDay);
  const name = spec.surname + givenName(rng, spec.sex, birthYear, spec.generation);

  // Address code of the ID: where the number was first issued.
  let address: string;
  const newCode = birthDay >= RENAMED_DAY;
  const neighbours = newCode ? ADDRESS_CODES.neighboursSince2016 : ADDRESS_CODES.neighboursBefore2016;
  const local = newCode ? ADDRESS_CODES.current : ADDRESS_CODES.former;
  if (rng.bool(spec.marriedIn ? 0.35 : 0.05)) address = rng.pick(neighbours);
  else address = local;
  const residentId = ctx.residentIds.allocate(address, birthDay, spec.sex);

  // Education and schooling on the reference date (autumn term 2020).
  let education: EducationLevel;
  let schooling: SchoolingStatus;
  const adultEducation = () => {
    const row = ADULT_EDUCATION.find(([before]) => birthYear < before)!;
    return rng.weighted(spec.sex === Sex.MALE ? row[1] : row[2]);
  };
  if (age <= 5) {
    education = EDU.NOT_APPLICABLE;
    schooling = SchoolingStatus.PRE_SCHOOL;
  } else if (age <= 15) {
    // Dropouts are decided after health is known (see applyHealthAndLabour); in school by default.
    education = age <= 11 ? EDU.PRIMARY : EDU.JUNIOR_SECONDARY;
    schooling = SchoolingStatus.IN_SCHOOL;
  } else if (age <= 18 && (spec.student || rng.bool(0.78))) {
    education = rng.bool(0.55) ? EDU.SENIOR_SECONDARY : EDU.VOCATIONAL;
    schooling = SchoolingStatus.IN_SCHOOL;
  } else if (age <= 18) {
    education = rng.bool(0.88) ? EDU.JUNIOR_SECONDARY : EDU.PRIMARY;
    schooling = SchoolingStatus.NOT_IN_SCHOOL;
  } else if (age <= 22 && (spec.student || rng.bool(cause === PovertyCause.SCHOOLING ? 0.5 : 0.3))) {
    education = rng.bool(0.65) ? EDU.TERTIARY : EDU.VOCATIONAL;
    schooling = SchoolingStatus.IN_SCHOOL;
  } else {
    education = adultEducation();
    schooling = SchoolingStatus.NOT_IN_SCHOOL;
  }

  return {
    id: makePersonId(householdId, n),
    householdId,
    residentId,
    name,
    sex: spec.sex,
    birthDate: formatDay(birthDay),
    relation: spec.relation,
    ethnicity: rng.bool(0.997) ? 'HAN' : 'TUJIA',
    education,
    schoolingStatus: schooling,
    healthStatus: HealthStatus.HEALTHY,
    labourCapacity: LabourCapacity.NONE,
    migrantWorkMonths: 0,
    memberStatus: MemberStatus.ACTIVE,
    createdAt: '',
    updatedAt: '',
    age,
  };
}

const HEALTH_BY_AGE: Array<[number, Weighted<HealthStatus>]> = [
  [18, w([[HealthStatus.HEALTHY, 97.5], [HealthStatus.CHRONIC_ILLNESS, 0.8], [HealthStatus.SERIOUS_ILLNESS, 0.3], [HealthStatus.DISABLED, 1.4]])],
  [45, w([[HealthStatus.HEALTHY, 93], [HealthStatus.CHRONIC_ILLNESS, 4], [HealthStatus.SERIOUS_ILLNESS, 0.8], [HealthStatus.DISABLED, 2.2]])],
  [60, w([[HealthStatus.HEALTHY, 80], [HealthStatus.CHRONIC_ILLNESS, 13], [HealthStatus.SERIOUS_ILLNESS, 2], [HealthStatus.DISABLED, 5]])],
  [999, w([[HealthStatus.HEALTHY, 58], [HealthStatus.CHRONIC_ILLNESS, 30], [HealthStatus.SERIOUS_ILLNESS, 4], [HealthStatus.DISABLED, 8]])],
];

function applyHealthAndLabour(rng: Rng, members: GeneratedPerson[], specs: MemberSpec[], cause: PovertyCause, destitute: boolean): void {
  for (const m of members) m.healthStatus = rng.weighted(HEALTH_BY_AGE.find(([below]) => m.age < below)![1]);

  // Illness-caused households have one or two chronically or seriously ill members, mostly adults.
  const pickMember = (weightOf: (m: GeneratedPerson) => number) => {
    const total = members.reduce((s, m) => s + weightOf(m), 0);
    let x = rng.float() * total;
    for (const m of members) {
      x -= weightOf(m);
      if (x < 0) return m;
    }
    return members[members.length - 1];
  };
  const illnessWeight = (m: GeneratedPerson) => (m.age < 18 ? 0.3 : m.age < 45 ? 1 : m.age < 60 ? 2 : 2.5);
  if (cause === PovertyCause.ILLNESS) {
    const n = rng.bool(0.3) && members.length > 1 ? 2 : 1;
    const first = pickMember(illnessWeight);
    first.healthStatus = rng.bool(0.4) ? HealthStatus.SERIOUS_ILLNESS : HealthStatus.CHRONIC_ILLNESS;
    if (n === 2) {
      const second = pickMember((m) => (m === first ? 0 : illnessWeight(m)));
      second.healthStatus = rng.bool(0.3) ? HealthStatus.SERIOUS_ILLNESS : HealthStatus.CHRONIC_ILLNESS;
    }
  } else if (cause === PovertyCause.DISABILITY) {
    pickMember((m) => (m.age < 18 ? 0.5 : 1)).healthStatus = HealthStatus.DISABLED;
  }
  if (destitute && members[0].healthStatus === HealthStatus.HEALTHY && rng.bool(0.5)) {
    members[0].healthStatus = rng.bool(0.5) ? HealthStatus.DISABLED : HealthStatus.CHRONIC_ILLNESS;
  }

  const skilledShare = cause === PovertyCause.LACK_OF_SKILLS ? 0.02 : 0.09;
  let ableAdults = 0;
  members.forEach((m, i) => {
    const spec = specs[i];
    // Compulsory-age dropouts: rare, much likelier for disabled children.
    if (m.age >= 6 && m.age <= 15) {
      // The student of a schooling household (the reason for its poverty) stays in school.
      const p = spec.student ? 0 : m.healthStatus === HealthStatus.DISABLED ? DROPOUT_SHARE_DISABLED : cause === PovertyCause.SCHOOLING ? DROPOUT_SHARE / 4 : DROPOUT_SHARE;
      if (rng.bool(p)) {
        m.schoolingStatus = SchoolingStatus.NOT_IN_SCHOOL;
        m.education = m.age >= 13 && rng.bool(0.5) ? EDU.JUNIOR_SECONDARY : EDU.PRIMARY;
      }
    }
    const health = m.healthStatus;
    const chronic = health === HealthStatus.CHRONIC_ILLNESS;
    let labour: LabourCapacity;
    if (m.age < 16 || m.schoolingStatus === SchoolingStatus.IN_SCHOOL) labour = LabourCapacity.NONE;
    else if (health === HealthStatus.SERIOUS_ILLNESS) labour = rng.bool(0.85) ? LabourCapacity.LOST : LabourCapacity.ORDINARY;
    else if (health === HealthStatus.DISABLED) labour = m.age >= 60 || rng.bool(0.6) ? LabourCapacity.LOST : LabourCapacity.ORDINARY;
    else if (m.age >= 75) labour = LabourCapacity.NONE;
    else if (m.age >= 65) labour = chronic && rng.bool(0.5) ? LabourCapacity.LOST : rng.bool(0.5) ? LabourCapacity.NONE : LabourCapacity.ORDINARY;
    else if (m.age >= 60) labour = chronic && rng.bool(0.4) ? LabourCapacity.LOST : rng.bool(0.65) ? LabourCapacity.ORDINARY : LabourCapacity.NONE;
    else labour = chronic && rng.bool(0.25) ? LabourCapacity.LOST : rng.bool(skilledShare) ? LabourCapacity.SKILLED : LabourCapacity.ORDINARY;
    // Lack of labour: at most one able working-age member, the others weakened by illness.
    if (cause === PovertyCause.LACK_OF_LABOUR && (labour === LabourCapacity.ORDINARY || labour === LabourCapacity.SKILLED)) {
      if (ableAdults++ >= 1 || rng.bool(0.3)) {
        labour = LabourCapacity.LOST;
        if (m.healthStatus === HealthStatus.HEALTHY) m.healthStatus = HealthStatus.CHRONIC_ILLNESS;
      }
    }
    m.labourCapacity = labour;
    const able = labour === LabourCapacity.ORDINARY || labour === LabourCapacity.SKILLED;
    if (able && m.age >= 18 && m.age <= 55 && rng.bool(labour === LabourCapacity.SKILLED ? 0.55 : 0.45)) {
      m.migrantWorkMonths = rng.bool(0.6) ? rng.int(9, 12) : rng.int(3, 8);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Income

function makeIncomes(
  ctx: GenerationContext, index: number, householdId: string, size: number, identificationYear: number,
  exitYear: number | null, returnYear: number | null,
): IncomeRow[] {
  const rng = Rng.derive(ctx.seed, index, STREAM_INCOME);
  const base = rng.real(0.5, 0.92);
  const rows: IncomeRow[] = [];
  let previous = 0;
  for (let year = identificationYear; year <= LAST_DATA_YEAR; year++) {
    const u1 = rng.float();
    const u2 = rng.float();
    const u3 = rng.float();
    const line = ctx.povertyLineFen(year);
    const poor = exitYear === null || year < exitYear || (returnYear !== null && year >= returnYear);
    let fen: number;
    if (poor && returnYear !== null && year >= returnYear) {
      fen = line * (0.55 + 0.4 * u1);
    } else if (poor) {
      const ratio = Math.min(0.97, base * (1 + 0.05 * (year - identificationYear))) * (0.93 + 0.07 * u1);
      // Some households are above the line on income but not yet exited (housing, health, school).
      fen = u2 < 0.07 ? line * (1 + 0.15 * u3) : line * ratio;
    } else {
      fen = year === exitYear ? line * (1.12 + 0.8 * u1) : previous * (1.05 + 0.15 * u1);
      fen = Math.max(fen, line * (1.03 + 0.05 * u2));
    }
    fen = Math.round(fen);
    previous = fen;
    rows.push({ householdId, year, netIncomePerCapitaFen: fen, householdSize: size, recordedAt: timestampOn(day(year, 12, 15)) });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Cadres (帮扶责任人)

interface AssignmentSpan {
  from: number;
  to: number | null;
  cadreName: string;
}

function makeAssignments(ctx: GenerationContext, town: Town, index: number, inTown: number, householdId: string, identificationDay: number) {
  const rng = Rng.derive(ctx.seed, index, STREAM_CADRES);
  const k = cadreIndexFor(inTown);
  const from = identificationDay + rng.int(5, 45);
  const rows: CadreAssignmentRow[] = [];
  const spans: AssignmentSpan[] = [];
  const n = town.cadreCount;
  const change = from + rng.int(365, 4 * 365);
  const reassigned = rng.bool(CADRE_REASSIGNMENT_SHARE) && n > 1 && change <= day(LAST_DATA_YEAR, 6, 30);
  const k2 = (k + 1 + rng.int(0, Math.max(0, n - 2))) % n;
  const name = (c: number) => (ctx.details ? cadreRow(ctx.county, town, c).name : '');
  if (reassigned) {
    rows.push({ householdId, cadreId: cadreId(town, k), assignedFrom: formatDay(from), assignedTo: formatDay(change) });
    rows.push({ householdId, cadreId: cadreId(town, k2), assignedFrom: formatDay(change), assignedTo: null });
    spans.push({ from, to: change, cadreName: name(k) }, { from: change, to: null, cadreName: name(k2) });
  } else {
    rows.push({ householdId, cadreId: cadreId(town, k), assignedFrom: formatDay(from), assignedTo: null });
    spans.push({ from, to: null, cadreName: name(k) });
  }
  return { rows, spans };
}

// ---------------------------------------------------------------------------------------------
// Visits (food, clothing, drinking water)

const VISIT_NOTES = [
  '了解家庭收支情况', '宣传扶贫政策', '落实产业扶持措施', '核实家庭人口变化', '协助办理医疗救助', '指导发展种养殖',
  '了解子女上学情况', '检查安全饮水情况', '填写帮扶手册', '了解务工就业情况', '核实住房安全情况', '送去慰问物资',
];

function makeVisits(
  ctx: GenerationContext, index: number, householdId: string, identificationYear: number,
  exitDay: number | null, returnDay: number | null, spans: AssignmentSpan[],
): VisitRow[] {
  const rng = Rng.derive(ctx.seed, index, STREAM_VISITS);
  const start = spans[0].from;
  const rows: VisitRow[] = [];
  for (let year = identificationYear; year <= LAST_DATA_YEAR; year++) {
    const poorInYear = exitDay === null || year <= yearOfDay(exitDay) || (returnDay !== null && year >= yearOfDay(returnDay));
    const n = poorInYear ? rng.int(2, 4) : rng.int(1, 3);
    const from = Math.max(start + 1, day(year, 1, 1));
    const to = day(year, 12, 31);
    if (from > to) continue;
    const dates = Array.from({ length: n }, () => rng.int(from, to)).sort((a, b) => a - b);
    for (const d of dates) {
      const poor = exitDay === null || d < exitDay || (returnDay !== null && d >= returnDay);
      const waterRisk = year <= 2015 ? 0.1 : year <= 2017 ? 0.06 : 0.03;
      const food = !(poor && rng.bool(0.03));
      const clothing = !(poor && rng.bool(0.03));
      const water = !(poor && rng.bool(waterRisk));
      let notes = rng.pick(VISIT_NOTES);
      if (!food) notes += '；家中存粮不足';
      if (!clothing) notes += '；冬季衣被不足';
      if (!water) notes += '；饮水水源不稳定，需落实安全饮水工程';
      const span = spans.find((s) => d >= s.from && (s.to === null || d < s.to)) ?? spans[0];
      rows.push({ householdId, visitDate: formatDay(d), visitor: span.cadreName, foodSecure: food, clothingSecure: clothing, drinkingWaterSafe: water, notes });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Identification and exit procedures (reference/domain.md §3.2)

export interface IdentificationSchedule {
  year: number;
  review: number;
  verification: number;
  firstPosting: [number, number];
  townshipReview: number;
  secondPosting: [number, number];
  countyApproval: number;
  documentNumber: number;
  announcement: [number, number];
  systemEntry: number;
}

export interface ExitSchedule {
  year: number;
  review: number;
  verification: number;
  posting: [number, number];
  announcement: [number, number];
  removal: number;
}

function schedulesFor(ctx: GenerationContext, village: Village) {
  if (ctx.schedules.village !== village.index) {
    ctx.schedules = { village: village.index, identification: new Map(), exit: new Map() };
  }
  return ctx.schedules;
}

/** A village's identification round in a year: every household of the round shares these dates. */
export function identificationSchedule(ctx: GenerationContext, village: Village, year: number): IdentificationSchedule {
  const cache = schedulesFor(ctx, village).identification;
  let s = cache.get(year);
  if (s) return s;
  const rng = Rng.derive(ctx.seed, STREAM_ID_BATCH, village.index, year);
  // 2014: the national 建档立卡 drive, April to October; later years: the autumn dynamic adjustment.
  const start = year === 2014 ? day(2014, 4, 10) + rng.int(0, 96) : day(year, 7, 1) + rng.int(0, 61);
  const review = start + rng.int(7, 20);
  const verification = review + rng.int(3, 10);
  const p1 = verification + rng.int(1, 4);
  const firstPosting: [number, number] = [p1, p1 + rng.int(7, 10)];
  const townshipReview = firstPosting[1] + rng.int(1, 7);
  const p2 = townshipReview + rng.int(2, 6);
  const secondPosting: [number, number] = [p2, p2 + rng.int(7, 10)];
  const countyApproval = secondPosting[1] + rng.int(3, 15);
  const a = countyApproval + rng.int(1, 5);
  const announcement: [number, number] = [a, a + rng.int(7, 15)];
  const systemEntry = announcement[1] + rng.int(1, 10);
  s = { year, review, verification, firstPosting, townshipReview, secondPosting, countyApproval, documentNumber: rng.int(1, 60), announcement, systemEntry };
  cache.set(year, s);
  return s;
}

/** A village's exit round in a year (autumn, ending before the year-end acceptance check). */
export function exitSchedule(ctx: GenerationContext, village: Village, year: number): ExitSchedule {
  const cache = schedulesFor(ctx, village).exit;
  let s = cache.get(year);
  if (s) return s;
  const rng = Rng.derive(ctx.seed, STREAM_EXIT_BATCH, village.index, year);
  const review = day(year, 9, 15) + rng.int(0, 46);
  const verification = review + rng.int(3, 10);
  const p = verification + 8 + rng.int(0, 3);
  const posting: [number, number] = [p, p + rng.int(7, 10)];
  const a = posting[1] + rng.int(1, 5);
  const announcement: [number, number] = [a, a + rng.int(7, 10)];
  const removal = announcement[1] + rng.int(1, 10);
  s = { year, review, verification, posting, announcement, removal };
  cache.set(year, s);
  return s;
}

function countyNameOn(d: number): string {
  return d < RENAMED_DAY ? COUNTY.formerName : COUNTY.name;
}

function makeSteps(
  ctx: GenerationContext, index: number, householdId: string, town: Town, village: Village, headName: string,
  s: IdentificationSchedule, identificationDay: number, exitYear: number | null,
): ProcedureStepRow[] {
  const rng = Rng.derive(ctx.seed, index, STREAM_STEPS);
  const rows: ProcedureStepRow[] = [];
  const objections = () => (rng.bool(0.03) ? 1 : rng.bool(0.005) ? 2 : 0);
  const step = (
    procedure: ProcedureKind, code: ProcedureStepCode, actor: string, actorLevel: UnitLevel, d: number,
    evidence: string, posting?: [number, number],
  ) => {
    const steps: readonly ProcedureStepCode[] = procedure === ProcedureKind.IDENTIFICATION ? IDENTIFICATION_STEPS : EXIT_STEPS;
    rows.push({
      householdId, procedure, step: code, stepOrder: steps.indexOf(code) + 1, actor, actorLevel, stepDate: formatDay(d), evidence,
      postingStart: posting ? formatDay(posting[0]) : null, postingEnd: posting ? formatDay(posting[1]) : null,
      // Objections are raised against identification postings (and re-checked); an exit is only
      // announced when its village posting drew none (村内公示无异议).
      objectionCount: POSTING_STEPS.has(code) && procedure === ProcedureKind.IDENTIFICATION ? objections() : 0,
    });
  };
  const period = (p: [number, number]) => `${formatDay(p[0])}至${formatDay(p[1])}`;
  const ID = ProcedureKind.IDENTIFICATION;
  const v = village.name;
  const t = town.name;
  const application = s.review - rng.int(1, 14);
  step(ID, 'APPLICATION', headName, UnitLevel.VILLAGE, application, `贫困户申请书 ${formatDay(application)}`);
  step(ID, 'GROUP_REVIEW', `${v}村民代表大会`, UnitLevel.VILLAGE, s.review, `评议记录 ${formatDay(s.review)}`);
  step(ID, 'VILLAGE_VERIFICATION', `${v}村委会、驻村工作队`, UnitLevel.VILLAGE, s.verification, `入户核实表 ${formatDay(s.verification)}`);
  step(ID, 'FIRST_POSTING', `${v}村委会`, UnitLevel.VILLAGE, s.firstPosting[0], `村级公示 ${period(s.firstPosting)}`, s.firstPosting);
  step(ID, 'TOWNSHIP_REVIEW', `${t}人民政府`, UnitLevel.TOWNSHIP, s.townshipReview, `乡镇审核意见 ${formatDay(s.townshipReview)}`);
  step(ID, 'SECOND_POSTING', `${t}人民政府`, UnitLevel.TOWNSHIP, s.secondPosting[0], `乡镇公示 ${period(s.secondPosting)}`, s.secondPosting);
  const county = countyNameOn(s.countyApproval);
  const doc = `${county === COUNTY.name ? '开州' : '开县'}扶组发〔${s.year}〕${s.documentNumber}号`;
  step(ID, 'COUNTY_APPROVAL', `${county}扶贫开发领导小组`, UnitLevel.COUNTY, s.countyApproval, `审定文件 ${doc}`);
  step(ID, 'ANNOUNCEMENT', `${countyNameOn(s.announcement[0])}人民政府`, UnitLevel.COUNTY, s.announcement[0], `公告 ${period(s.announcement)}`, s.announcement);
  step(ID, 'SYSTEM_ENTRY', `${t}扶贫办`, UnitLevel.TOWNSHIP, s.systemEntry, `全国扶贫开发信息系统录入 ${formatDay(s.systemEntry)}`);
  step(ID, 'FILE_CREATED', `${countyNameOn(identificationDay)}扶贫开发办公室`, UnitLevel.COUNTY, identificationDay, `贫困户档案 ${householdId}`);

  if (exitYear !== null) {
    const e = exitSchedule(ctx, village, exitYear);
    const EX = ProcedureKind.EXIT;
    const signOff = e.verification + rng.int(1, 7);
    step(EX, 'COMMUNITY_REVIEW', `${v}村两委`, UnitLevel.VILLAGE, e.review, `民主评议会议记录 ${formatDay(e.review)}`);
    step(EX, 'VERIFICATION', `${v}村两委、驻村工作队`, UnitLevel.VILLAGE, e.verification, `退出核实表 ${formatDay(e.verification)}`);
    step(EX, 'HOUSEHOLD_SIGN_OFF', headName, UnitLevel.VILLAGE, signOff, `脱贫退出确认书（户主签字）${formatDay(signOff)}`);
    step(EX, 'VILLAGE_POSTING', `${v}村委会`, UnitLevel.VILLAGE, e.posting[0], `村内公示 ${period(e.posting)}`, e.posting);
    step(EX, 'EXIT_ANNOUNCEMENT', `${t}人民政府`, UnitLevel.TOWNSHIP, e.announcement[0], `退出公告 ${period(e.announcement)}`, e.announcement);
    step(EX, 'REGISTER_REMOVAL', `${countyNameOn(e.removal)}扶贫开发办公室`, UnitLevel.COUNTY, e.removal, `建档立卡系统销号 ${formatDay(e.removal)}`);
  }
  return rows;
}
