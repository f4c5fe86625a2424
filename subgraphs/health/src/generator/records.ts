import {
  GeneratedPerson,
  HealthStatus,
  HouseholdBundle,
  PovertyCause,
  PovertyStatus,
  Rng,
  Sex,
  WelfareCategory,
} from '@saf/poverty-office';
import {
  BASIC_PREMIUM_FEN,
  CHRONIC_DISEASE_ZH,
  ChronicDisease,
  COMMERCIAL_PREMIUM_FEN,
  CRITICAL_ILLNESS_PREMIUM_FEN,
  HospitalLevel,
  InsuranceScheme,
  PremiumSubsidyStatus,
  PrimaryCareFacilityLevel,
  requiredFollowUps,
  SERIOUS_ILLNESS_LISTED_SINCE,
  SERIOUS_ILLNESS_ZH,
  SeriousIllness,
  SpecialTreatmentStatus,
  SubsidisingDepartment,
} from '../codes';
import { enrolmentId } from '../insurance/entities';
import { day, formatDay, parseDay, plusOneYear, timestampOn, yearOfDay } from './dates';
import { designatedHospital, Hospital, hospitalAt, townshipDoctor, villageDoctorName } from './facilities';
import * as P from './params';
import { DoctorContractRow, HealthRecords, HospitalSettlementRow, InsuranceEnrolmentRow, PremiumSubsidy, SpecialTreatmentRow } from './rows';

// Independent random streams, so that one part of the records never shifts another.
const STREAM_PROFILE = 0x4e01;
const STREAM_ENROL = 0x4e02;
const STREAM_CONTRACT = 0x4e03;
const STREAM_TREATMENT = 0x4e04;
const STREAM_SETTLEMENT = 0x4e05;

/** What the generator decides once per person and uses in every part of the records. */
interface PersonProfile {
  person: GeneratedPerson;
  memberNo: number;
  birth: number;
  chronic: ChronicDisease | null;
  /** Serious illness: when it began, and the special-list disease (null when it is not on the list). */
  seriousOnset: number | null;
  seriousDisease: SeriousIllness | null;
  seriousDiagnosis: string | null;
  treatment: SpecialTreatmentRow | null;
}

/** What the household is, for the policies that apply to it. */
interface HouseholdFacts {
  bundle: HouseholdBundle;
  id: string;
  key: number;
  identification: number;
  destitute: boolean;
  dibao: boolean;
  /** Still poor at the end (NOT_EXITED) or back in poverty: where the insurance gaps concentrate. */
  gapFactor: number;
  exitYear: number | null;
  illnessFactor: number;
}

/**
 * The health department's records for one household of the register, deterministic in the
 * household and the seed (each household and person has its own random streams).
 *
 * - Every member is enrolled in BASIC and CRITICAL_ILLNESS every year 2014–2020 (from birth), with a
 *   small share of gaps, concentrated in households still poor; none in an exited household's exit
 *   year (the exit check verified it). Premium subsidies: civil affairs for dibao and destitute
 *   households, finance for the registered poor (from 2016); commercial top-up cover from 2017.
 * - Chronic patients get yearly family-doctor contracts from 2016/2017; seriously ill, elderly and
 *   disabled members basic contracts.
 * - Seriously ill members with a listed disease get a special-treatment case.
 * - Hospital settlements follow age, health and the household's poverty causes; reimbursement
 *   follows the insurance, the year and the household's status.
 */
export function healthRecordsFor(bundle: HouseholdBundle, seed: number): HealthRecords {
  const h = bundle.household;
  const key = Number(h.id);
  const facts: HouseholdFacts = {
    bundle,
    id: h.id,
    key,
    identification: parseDay(bundle.identificationDate),
    destitute: h.welfareCategory === WelfareCategory.DESTITUTE || h.welfareCategory === WelfareCategory.DIBAO_DESTITUTE,
    dibao: h.welfareCategory === WelfareCategory.DIBAO || h.welfareCategory === WelfareCategory.DIBAO_DESTITUTE,
    gapFactor: h.status === PovertyStatus.NOT_EXITED ? P.GAP_FACTOR_NOT_EXITED : h.status === PovertyStatus.RETURNED_TO_POVERTY ? P.GAP_FACTOR_RETURNED : 1,
    exitYear: h.status === PovertyStatus.EXITED_WITH_POLICY ? h.exitYear : null,
    illnessFactor:
      h.mainCause === PovertyCause.ILLNESS ? P.ILLNESS_MAIN_CAUSE_FACTOR : h.otherCauses.includes(PovertyCause.ILLNESS) ? P.ILLNESS_OTHER_CAUSE_FACTOR : 1,
  };
  const records: HealthRecords = { householdId: h.id, enrolments: [], premiumSubsidies: [], doctorContracts: [], specialTreatments: [], hospitalSettlements: [] };
  bundle.members.forEach((person, i) => {
    const profile = makeProfile(facts, person, i + 1, seed);
    const enrolments = makeEnrolments(facts, profile, seed);
    records.enrolments.push(...enrolments);
    records.doctorContracts.push(...makeContracts(facts, profile, seed));
    if (profile.treatment) records.specialTreatments.push(profile.treatment);
    records.hospitalSettlements.push(...makeSettlements(facts, profile, enrolments, seed));
  });
  records.premiumSubsidies = records.enrolments.filter((e) => e.subsidyFen > 0 && e.cancelledOn === null).map(subsidyOf);
  return records;
}

function subsidyOf(e: InsuranceEnrolmentRow): PremiumSubsidy {
  return {
    householdId: e.householdId,
    personId: e.personId,
    year: e.year,
    scheme: e.scheme,
    enrolmentId: e.id,
    amountFen: e.subsidyFen,
    subsidyStatus: e.subsidyStatus as PremiumSubsidy['subsidyStatus'],
    subsidisingDepartment: e.subsidisingDepartment!,
    enrolledOn: e.enrolledOn,
  };
}

// ---------------------------------------------------------------------------------------------
// Profile: chronic disease, serious illness and its special treatment

function makeProfile(f: HouseholdFacts, person: GeneratedPerson, memberNo: number, seed: number): PersonProfile {
  const rng = Rng.derive(seed, STREAM_PROFILE, f.key, memberNo);
  const birth = parseDay(person.birthDate);
  const profile: PersonProfile = { person, memberNo, birth, chronic: null, seriousOnset: null, seriousDisease: null, seriousDiagnosis: null, treatment: null };
  if (person.healthStatus === HealthStatus.CHRONIC_ILLNESS) {
    profile.chronic = rng.weighted(person.age >= 45 ? P.CHRONIC_OLDER : P.CHRONIC_YOUNGER);
  }
  if (person.healthStatus === HealthStatus.SERIOUS_ILLNESS) {
    // An illness that made the household poor began before it was identified.
    const earliest = Math.max(birth + 60, day(2012, 1, 1));
    const beforeIdentification = f.illnessFactor > 1 && rng.bool(0.75);
    const onset = beforeIdentification
      ? Math.max(earliest, f.identification - rng.int(30, 3 * 365))
      : Math.max(earliest, rng.int(day(P.FIRST_YEAR, 1, 1), day(P.LAST_YEAR, 6, 30)));
    profile.seriousOnset = onset;
    const table = person.age < 18 ? P.SERIOUS_CHILD : person.sex === Sex.FEMALE ? P.SERIOUS_ADULT_FEMALE : P.SERIOUS_ADULT_MALE;
    let disease = rng.weighted(table);
    // Children's diseases are diagnosed in childhood (congenital heart disease early).
    const ageAtOnset = (onset - birth) / 365.25;
    if (disease === SeriousIllness.CHILD_CONGENITAL_HEART_DISEASE && ageAtOnset >= 14) disease = null;
    if (disease === SeriousIllness.CHILD_LEUKAEMIA && ageAtOnset >= 18) disease = null;
    profile.seriousDisease = disease;
    profile.seriousDiagnosis = disease ? SERIOUS_ILLNESS_ZH[disease] : rng.pick(P.OTHER_SERIOUS);
    if (disease) profile.treatment = makeTreatment(f, profile, disease, Rng.derive(seed, STREAM_TREATMENT, f.key, memberNo));
  }
  return profile;
}

function makeTreatment(f: HouseholdFacts, profile: PersonProfile, disease: SeriousIllness, rng: Rng): SpecialTreatmentRow {
  const diagnosed = profile.seriousOnset!;
  const listed = day(SERIOUS_ILLNESS_LISTED_SINCE[disease], 3, 1) + rng.int(0, 120);
  const start = Math.max(diagnosed + rng.int(3, 30), listed);
  const hospital = designatedHospital(rng, disease, start);
  const row: SpecialTreatmentRow = {
    householdId: f.id,
    personId: profile.person.id,
    disease,
    designatedHospital: hospital.name,
    hospitalLevel: hospital.level,
    diagnosedOn: formatDay(diagnosed),
    treatmentStartedOn: null,
    treatmentEndedOn: null,
    status: SpecialTreatmentStatus.DIAGNOSED,
    createdAt: timestampOn(Math.min(P.LAST_DAY, Math.max(diagnosed, listed))),
  };
  if (start > P.LAST_DAY) return row;
  row.treatmentStartedOn = formatDay(start);
  const span = P.TREATMENT_DAYS[disease];
  const end = span ? start + rng.int(span[0], span[1]) : null;
  if (rng.bool(0.05)) {
    // 终止救治: gave up, moved away or died during treatment.
    const stop = start + rng.int(10, span ? Math.max(11, span[1] - span[0]) : 400);
    if (stop <= P.LAST_DAY) {
      row.treatmentEndedOn = formatDay(stop);
      row.status = SpecialTreatmentStatus.DISCONTINUED;
      return row;
    }
  }
  if (end !== null && end <= P.LAST_DAY) {
    row.treatmentEndedOn = formatDay(end);
    row.status = SpecialTreatmentStatus.TREATED;
  } else {
    row.status = SpecialTreatmentStatus.IN_TREATMENT;
  }
  return row;
}

// ---------------------------------------------------------------------------------------------
// Insurance enrolments and premium subsidies

function makeEnrolments(f: HouseholdFacts, p: PersonProfile, seed: number): InsuranceEnrolmentRow[] {
  const rows: InsuranceEnrolmentRow[] = [];
  const migrant = p.person.migrantWorkMonths >= 6;
  for (let year = P.FIRST_YEAR; year <= P.LAST_YEAR; year++) {
    const yearEnd = day(year, 12, 31);
    if (p.birth > yearEnd - 7) continue; // not born yet
    const rng = Rng.derive(seed, STREAM_ENROL, f.key, p.memberNo, year);
    // Enrolment: in the collection period of the previous autumn, some late; newborns after birth.
    let enrolled = rng.bool(0.95) ? day(year - 1, 9, 1) + rng.int(0, 121) : day(year, 1, 1) + rng.int(0, 59);
    if (enrolled <= p.birth) enrolled = Math.min(yearEnd, p.birth + rng.int(7, 60));
    const gapShare = f.exitYear === year ? 0 : Math.min(0.5, P.BASIC_GAP_BY_YEAR[year] * f.gapFactor * (migrant ? P.GAP_FACTOR_MIGRANT : 1));
    const basicGap = rng.bool(gapShare);
    const cancelledInstead = basicGap && rng.bool(P.GAP_CANCELLED_SHARE);
    const criticalGap = !basicGap && rng.bool(gapShare * P.CRITICAL_ONLY_GAP);
    if (basicGap && !cancelledInstead) continue;

    let cancelledOn: string | null = null;
    let reason: string | null = null;
    if (cancelledInstead) {
      cancelledOn = formatDay(Math.min(P.LAST_DAY, yearEnd, enrolled + rng.int(20, 200)));
      reason = migrant ? '在务工地参加职工医保，终止居民医保' : '重复参保核查，终止参保';
    }
    const basic = basicEnrolment(f, p, year, enrolled);
    rows.push({ ...basic, cancelledOn, cancellationReason: reason });
    if (!criticalGap) {
      const premium = CRITICAL_ILLNESS_PREMIUM_FEN[year];
      rows.push({
        ...row(f, p, year, InsuranceScheme.CRITICAL_ILLNESS, enrolled),
        premiumFen: premium,
        cancelledOn,
        cancellationReason: reason,
      });
    }
    // Commercial top-up for registered poor persons (bought by the county in the first quarter).
    const bought = Math.max(day(year, 1, 1) + rng.int(0, 89), p.birth + 7);
    if (year >= P.COMMERCIAL_FROM && f.identification <= bought && bought <= yearEnd && cancelledOn === null && rng.bool(P.COMMERCIAL_SHARE)) {
      const premium = COMMERCIAL_PREMIUM_FEN[year];
      rows.push({
        ...row(f, p, year, InsuranceScheme.COMMERCIAL_TOP_UP, bought),
        premiumFen: premium,
        subsidyStatus: PremiumSubsidyStatus.FULL,
        subsidyFen: premium,
        subsidisingDepartment: SubsidisingDepartment.FINANCE,
      });
    }
  }
  return rows;
}

function row(f: HouseholdFacts, p: PersonProfile, year: number, scheme: InsuranceScheme, enrolled: number): InsuranceEnrolmentRow {
  return {
    id: enrolmentId(p.person.id, year, scheme),
    householdId: f.id,
    personId: p.person.id,
    year,
    scheme,
    premiumFen: 0,
    individualContributionFen: 0,
    subsidyStatus: PremiumSubsidyStatus.NONE,
    subsidyFen: 0,
    subsidisingDepartment: null,
    enrolledOn: formatDay(enrolled),
    cancelledOn: null,
    cancellationReason: null,
    createdAt: timestampOn(enrolled),
  };
}

/**
 * Basic insurance with its premium subsidy: civil affairs pays for destitute persons in full and for
 * dibao households (half until 2016, in full from 2017); finance pays for registered poor persons
 * enrolled after identification (half in 2016, in full from 2017; 脱贫不脱政策 after exit).
 */
function basicEnrolment(f: HouseholdFacts, p: PersonProfile, year: number, enrolled: number): InsuranceEnrolmentRow {
  const premium = BASIC_PREMIUM_FEN[year];
  const half = Math.round(premium / 200) * 100;
  let subsidy = 0;
  let department: SubsidisingDepartment | null = null;
  if (f.destitute) {
    subsidy = premium;
    department = SubsidisingDepartment.CIVIL_AFFAIRS;
  } else if (f.dibao) {
    subsidy = year <= 2016 ? half : premium;
    department = SubsidisingDepartment.CIVIL_AFFAIRS;
  } else if (enrolled >= f.identification && year >= 2016) {
    subsidy = year === 2016 ? half : premium;
    department = SubsidisingDepartment.FINANCE;
  }
  const individual = premium - subsidy;
  return {
    ...row(f, p, year, InsuranceScheme.BASIC, enrolled),
    premiumFen: premium,
    individualContributionFen: individual,
    subsidyStatus: subsidy === 0 ? PremiumSubsidyStatus.NONE : individual === 0 ? PremiumSubsidyStatus.FULL : PremiumSubsidyStatus.PARTIAL,
    subsidyFen: subsidy,
    subsidisingDepartment: department,
  };
}

// ---------------------------------------------------------------------------------------------
// Family-doctor contracts

function makeContracts(f: HouseholdFacts, p: PersonProfile, seed: number): DoctorContractRow[] {
  const rng = Rng.derive(seed, STREAM_CONTRACT, f.key, p.memberNo);
  const { village, town } = f.bundle;
  const doctorAt = (level: PrimaryCareFacilityLevel) =>
    level === PrimaryCareFacilityLevel.VILLAGE_CLINIC
      ? { doctorName: villageDoctorName(village.code), facilityName: `${village.name}卫生室`, facilityLevel: level }
      : { doctorName: townshipDoctor(town.code, rng.int(0, 2)), facilityName: `${town.name}卫生院`, facilityLevel: level };
  const pickLevel = () => (rng.bool(0.6) ? PrimaryCareFacilityLevel.VILLAGE_CLINIC : PrimaryCareFacilityLevel.TOWNSHIP_HEALTH_CENTRE);

  let disease: ChronicDisease | null = null;
  let firstYear: number;
  if (p.chronic !== null) {
    disease = p.chronic;
    firstYear = rng.bool(P.CONTRACT_2016_SHARE) ? 2016 : 2017;
  } else {
    const ageIn2017 = 2017 - yearOfDay(p.birth);
    const eligible = p.person.healthStatus === HealthStatus.SERIOUS_ILLNESS || p.person.healthStatus === HealthStatus.DISABLED || ageIn2017 >= 65;
    if (!eligible || (p.person.healthStatus !== HealthStatus.SERIOUS_ILLNESS && !rng.bool(P.BASIC_CONTRACT_SHARE))) return [];
    firstYear = 2017;
  }
  const rows: DoctorContractRow[] = [];
  let doctor = doctorAt(pickLevel());
  let start = Math.max(day(firstYear, 3, 1) + rng.int(0, 75), p.birth + 30);
  const poorFollowUp = f.gapFactor > 1;
  if (disease === ChronicDisease.TUBERCULOSIS) {
    // One six-month course, followed monthly.
    start = Math.max(day(rng.int(2016, 2020), 1, 1) + rng.int(0, 300), p.birth + 30);
    const end = Math.min(start + 182, P.LAST_DAY + 182);
    rows.push(contractRow(f, p, doctor, disease, start, end, rng, poorFollowUp));
    return rows;
  }
  while (start <= P.LAST_DAY) {
    let end = plusOneYear(start) - 1;
    let termination: string | null = null;
    if (rng.bool(P.CONTRACT_EARLY_END_SHARE)) {
      const early = start + rng.int(60, 300);
      if (early < end && early <= P.LAST_DAY) {
        end = early;
        termination = '更换签约医生';
      }
    }
    const contract = contractRow(f, p, doctor, disease, start, end, rng, poorFollowUp);
    contract.terminationReason = termination;
    rows.push(contract);
    start = end + 1;
    if (termination !== null || rng.bool(0.1)) doctor = doctorAt(pickLevel());
  }
  return rows;
}

function contractRow(
  f: HouseholdFacts, p: PersonProfile, doctor: { doctorName: string; facilityName: string; facilityLevel: PrimaryCareFacilityLevel },
  disease: ChronicDisease | null, start: number, end: number, rng: Rng, poorFollowUp: boolean,
): DoctorContractRow {
  const required = requiredFollowUps(disease);
  const last = Math.min(end, P.LAST_DAY);
  // Follow-ups done by the end of the contract, or pro rata by the end of the data.
  const due = Math.floor((required * (last - start + 1)) / (end - start + 1));
  const u = rng.float();
  const early = yearOfDay(start) <= 2016;
  const shortfall = u < (early ? 0.45 : poorFollowUp ? 0.25 : 0.13) ? (u < 0.05 ? 2 : 1) : 0;
  const done = Math.max(0, Math.min(required, due - shortfall));
  const lastFollowUp = done > 0 ? Math.min(last, start + Math.floor(((last - start) * done) / Math.max(1, due)) - rng.int(0, 20)) : null;
  return {
    householdId: f.id,
    personId: p.person.id,
    ...doctor,
    disease,
    startDate: formatDay(start),
    endDate: formatDay(end),
    followUpsRequired: required,
    followUpsDone: done,
    lastFollowUpOn: lastFollowUp === null ? null : formatDay(Math.max(start, lastFollowUp)),
    terminationReason: null,
    createdAt: timestampOn(start),
  };
}

// ---------------------------------------------------------------------------------------------
// Hospital settlements

const COMMON_DIAGNOSES_ADULT = ['肺炎', '急性胃肠炎', '腰椎间盘突出症', '骨折', '白内障', '胆囊结石', '阑尾炎', '慢性支气管炎急性发作', '脑梗死', '子宫肌瘤', '尿路感染', '贫血'];
const COMMON_DIAGNOSES_CHILD = ['支气管肺炎', '急性上呼吸道感染', '腹泻病', '手足口病', '骨折', '急性扁桃体炎'];

interface YearInsurance {
  basic: InsuranceEnrolmentRow | null;
  critical: InsuranceEnrolmentRow | null;
  commercial: InsuranceEnrolmentRow | null;
}

function activeOn(rows: InsuranceEnrolmentRow[], year: number, scheme: InsuranceScheme, on: string): InsuranceEnrolmentRow | null {
  const e = rows.find((r) => r.year === year && r.scheme === scheme);
  return e && (e.cancelledOn === null || e.cancelledOn > on) ? e : null;
}

function poisson(rng: Rng, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = rng.float();
  while (product > limit && k < 12) {
    k++;
    product *= rng.float();
  }
  return k;
}

function makeSettlements(f: HouseholdFacts, p: PersonProfile, enrolments: InsuranceEnrolmentRow[], seed: number): HospitalSettlementRow[] {
  const rows: HospitalSettlementRow[] = [];
  const health = p.person.healthStatus;
  for (let year = P.FIRST_YEAR; year <= P.LAST_YEAR; year++) {
    const yearStart = day(year, 1, 1);
    const yearEnd = day(year, 12, 31);
    if (p.birth > yearEnd) continue;
    const rng = Rng.derive(seed, STREAM_SETTLEMENT, f.key, p.memberNo, year);
    const age = year - yearOfDay(p.birth);
    let rate = P.baseAdmissionRate(age);
    if (health === HealthStatus.CHRONIC_ILLNESS) rate *= P.CHRONIC_ADMISSION_FACTOR;
    if (health === HealthStatus.DISABLED) rate *= P.DISABLED_ADMISSION_FACTOR;
    const seriousThisYear = p.seriousOnset !== null && yearOfDay(p.seriousOnset) <= year;
    if (seriousThisYear) rate += yearOfDay(p.seriousOnset!) === year ? P.SERIOUS_ONSET_ADMISSIONS : P.SERIOUS_LATER_ADMISSIONS;
    else if (health === HealthStatus.SERIOUS_ILLNESS) rate *= 1.5;
    rate *= f.illnessFactor;
    const from = Math.max(yearStart, p.birth);
    rate *= (yearEnd - from + 1) / 365;
    const count = poisson(rng, rate);
    if (count === 0) continue;

    const admissions = Array.from({ length: count }, () => rng.int(from, yearEnd)).sort((a, b) => a - b);
    let free = from;
    let seq = 0;
    for (const wanted of admissions) {
      const serious = seriousThisYear && rng.bool(0.7) && wanted >= p.seriousOnset!;
      const treatment = p.treatment;
      const inTreatment =
        serious && treatment?.treatmentStartedOn != null && formatDay(wanted) >= treatment.treatmentStartedOn && (treatment.treatmentEndedOn === null || formatDay(wanted) <= treatment.treatmentEndedOn);
      const child = age < 14;
      let hospital: Hospital;
      if (inTreatment) hospital = { name: treatment!.designatedHospital, level: treatment!.hospitalLevel };
      else hospital = hospitalAt(rng, rng.weighted(serious ? P.LEVELS_SERIOUS : child ? P.LEVELS_CHILD : P.LEVELS_ADULT), wanted, f.bundle.town.name, child);
      const level = hospital.level;
      const costFactor = Math.exp(rng.normal(-0.15, 0.55)) * (serious ? 1.8 : 1) * (inTreatment ? 1.2 : 1);
      const stay = Math.max(1, Math.round(P.MEAN_STAY_DAYS[level] * Math.pow(costFactor, 0.45) * (0.7 + 0.6 * rng.float())));
      const admitted = Math.max(wanted, free);
      const discharged = admitted + stay;
      if (discharged > Math.min(yearEnd, P.LAST_DAY)) break;
      free = discharged;
      const diagnosis = serious
        ? p.seriousDiagnosis
        : p.chronic !== null && rng.bool(0.45)
          ? CHRONIC_DISEASE_ZH[p.chronic]
          : rng.pick(child ? COMMON_DIAGNOSES_CHILD : COMMON_DIAGNOSES_ADULT);
      const totalFen = Math.max(30000, Math.round(P.MEAN_COST_YUAN[level] * Math.pow(P.COST_GROWTH, year - 2017) * costFactor) * 100);
      const admittedOn = formatDay(admitted);
      const insurance: YearInsurance = {
        basic: activeOn(enrolments, year, InsuranceScheme.BASIC, admittedOn),
        critical: activeOn(enrolments, year, InsuranceScheme.CRITICAL_ILLNESS, admittedOn),
        commercial: activeOn(enrolments, year, InsuranceScheme.COMMERCIAL_TOP_UP, admittedOn),
      };
      seq++;
      rows.push(settle(f, p, rng, { year, admitted, discharged, hospital, diagnosis, totalFen, insurance, seq }));
    }
  }
  return rows;
}

interface Admission {
  year: number;
  admitted: number;
  discharged: number;
  hospital: Hospital;
  diagnosis: string | null;
  totalFen: number;
  insurance: YearInsurance;
  seq: number;
}

/** One-stop settlement: basic → critical illness → medical assistance → commercial → safety net → own share. */
function settle(f: HouseholdFacts, p: PersonProfile, rng: Rng, a: Admission): HospitalSettlementRow {
  const { year, hospital, totalFen, insurance } = a;
  const level = hospital.level;
  const poor = a.admitted >= f.identification;
  const policy2017 = poor && year >= 2017;
  const insured = insurance.basic !== null;
  const unreferred = (level === HospitalLevel.CITY || level === HospitalLevel.PROVINCE) && rng.bool(P.UNREFERRED_SHARE);
  const catalogue = Math.min(0.98, Math.max(0.5, P.CATALOGUE_SHARE[level] + rng.normal(0, 0.03)));
  const inCatalogue = Math.floor(totalFen * catalogue);
  let rest = totalFen;
  const take = (fen: number) => {
    const paid = Math.max(0, Math.min(rest, Math.floor(fen)));
    rest -= paid;
    return paid;
  };

  let basic = 0;
  if (insured) {
    const deductible = P.DEDUCTIBLE_YUAN[level] * 100 * (policy2017 ? 0.5 : 1);
    const rate = P.BASIC_RATE[level] + (policy2017 ? 0.05 : 0) - (year <= 2015 ? 0.05 : 0) - (unreferred ? 0.1 : 0);
    basic = take(Math.max(0, inCatalogue - deductible) * rate);
  }
  let critical = 0;
  if (insurance.critical !== null) {
    const threshold = (year < 2017 ? P.CRITICAL_DEDUCTIBLE_YUAN.before2017 : policy2017 ? P.CRITICAL_DEDUCTIBLE_YUAN.poor : P.CRITICAL_DEDUCTIBLE_YUAN.general) * 100;
    critical = take(Math.max(0, inCatalogue - basic - threshold) * (policy2017 ? P.CRITICAL_RATE.poor : P.CRITICAL_RATE.general));
  }
  let assistance = 0;
  const assistanceRate = f.destitute ? P.ASSISTANCE_RATE.destitute : f.dibao ? P.ASSISTANCE_RATE.dibao : policy2017 ? P.ASSISTANCE_RATE.poor : 0;
  if (assistanceRate > 0) assistance = take(Math.min(P.ASSISTANCE_CAP_YUAN * 100, Math.max(0, inCatalogue - basic - critical) * assistanceRate));
  let commercial = 0;
  if (insurance.commercial !== null) commercial = take(rest * (0.3 + 0.2 * rng.float()));
  let safetyNet = 0;
  if (policy2017 && insured && !unreferred && rng.bool(P.SAFETY_NET_APPLIED)) {
    const cap = P.SAFETY_NET_CAP[level] * (0.6 + 0.4 * rng.float());
    safetyNet = take(rest - totalFen * cap);
  }
  const outOfPocket = rest;

  const countyLevel = level === HospitalLevel.TOWNSHIP || level === HospitalLevel.COUNTY;
  let oneStop = false;
  let deferred = false;
  if (insured) {
    if (policy2017) {
      oneStop = rng.bool(countyLevel ? 0.97 : level === HospitalLevel.CITY ? 0.85 : 0.65);
      deferred = rng.bool(countyLevel ? 0.9 : level === HospitalLevel.CITY ? 0.3 : 0.08);
    } else if (poor && year === 2016) {
      oneStop = countyLevel && rng.bool(0.5);
      deferred = countyLevel && a.admitted >= day(2016, 7, 1) && rng.bool(0.4);
    } else if ((f.dibao || f.destitute) && year >= 2015) {
      oneStop = rng.bool(0.3);
    }
  }
  let paidOn: string | null = null;
  if (deferred) {
    const paid = outOfPocket === 0 ? a.discharged : a.discharged + rng.int(0, 45);
    if (paid <= P.LAST_DAY && (outOfPocket === 0 || rng.bool(0.93))) paidOn = formatDay(paid);
  }
  return {
    settlementNumber: `ZY${year}${f.id}${String(p.memberNo).padStart(2, '0')}${String(a.seq).padStart(2, '0')}`,
    householdId: f.id,
    personId: p.person.id,
    hospitalName: hospital.name,
    hospitalLevel: level,
    diagnosis: a.diagnosis,
    admittedOn: formatDay(a.admitted),
    dischargedOn: formatDay(a.discharged),
    year: yearOfDay(a.discharged),
    totalCostFen: totalFen,
    basicInsuranceFen: basic,
    criticalIllnessFen: critical,
    medicalAssistanceFen: assistance,
    safetyNetFen: safetyNet,
    commercialTopUpFen: commercial,
    outOfPocketFen: outOfPocket,
    deferredPayment: deferred,
    deferredPaidOn: paidOn,
    oneStopSettled: oneStop,
    createdAt: timestampOn(a.discharged, 16),
  };
}
