/**
 * Toy departments in the shape of the real ones, built with the kit's assistance types, to test
 * the sector view's mechanics through the real gateway: a register that originates the two
 * entities, a lead that needs the register's members, a lead that expects a payment, a payer,
 * and an optional newcomer that joins without anyone else changing.
 */
import { Arg, Args, Directive, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  AggregateArgs,
  activeMembers,
  ageOn,
  assessmentDate,
  buildDepartmentSchema,
  contribution,
  ContributionRole,
  defineAssistanceKeys,
  DepartmentContribution,
  DutyAreaCode,
  expectSupport,
  HouseholdIdScalar,
  measure,
  MEMBERS_REQUIREMENT,
  MeasureTotal,
  needed,
  notNeeded,
  predicate,
  Predicate,
  PredicateStatus,
  RegisterMember,
  type AreaAssistanceRef,
  type ExitAssessmentRef,
} from '@saf/kit';
import { startTestSubgraph, type TestSubgraph } from './subgraph';

export const YEAR = 2020;
/** A: a child of school age and a C-rated dwelling renovated and paid. B: nobody of school age, renovated but unpaid. */
export const MEMBERS: Record<string, RegisterMember[]> = {
  '3607291000010001': [
    { personId: '3607291000010001-01', birthDate: '1980-03-01', active: true },
    { personId: '3607291000010001-02', birthDate: '2012-05-01', active: true },
  ],
  '3607291000010002': [{ personId: '3607291000010002-01', birthDate: '1950-01-01', active: true }],
};
const AREAS = [DutyAreaCode.EDUCATION, DutyAreaCode.HOUSING_RENOVATION, DutyAreaCode.CULTURE];

function registerSchema() {
  @ObjectType('AreaAssistance')
  @Directive('@key(fields: "householdId area year")')
  class AreaAssistance {
    @Field(() => HouseholdIdScalar) householdId: string;
    @Field(() => DutyAreaCode) area: DutyAreaCode;
    @Field(() => Int) year: number;
    @Field(() => [RegisterMember]) members: RegisterMember[];
    @Field(() => Boolean) leadFederated: boolean;
  }

  @ObjectType('ExitAssessment')
  @Directive('@key(fields: "householdId year")')
  class ExitAssessment {
    @Field(() => HouseholdIdScalar) householdId: string;
    @Field(() => Int) year: number;
    @Field(() => [RegisterMember]) members: RegisterMember[];
    @Field(() => Predicate) income: Predicate;
  }

  @ObjectType('Household')
  @Directive('@key(fields: "id")')
  class Household {
    @Field(() => HouseholdIdScalar) id: string;
  }

  const area = (householdId: string, code: DutyAreaCode) =>
    Object.assign(new AreaAssistance(), { householdId, area: code, year: YEAR, members: MEMBERS[householdId], leadFederated: code !== DutyAreaCode.CULTURE });
  const exit = (householdId: string) =>
    Object.assign(new ExitAssessment(), {
      householdId,
      year: YEAR,
      members: MEMBERS[householdId],
      income: predicate('INCOME', 'POVERTY_OFFICE', PredicateStatus.MET, 'above the line'),
    });

  @Resolver(() => Household)
  class RegisterQueries {
    @Query(() => Household, { nullable: true })
    household(@Arg('id', () => HouseholdIdScalar) id: string) {
      return MEMBERS[id] ? Object.assign(new Household(), { id }) : null;
    }

    @FieldResolver(() => [AreaAssistance])
    assistance(@Root() h: Household, @Arg('year', () => Int) year: number) {
      expect(year).toBe(YEAR);
      return AREAS.map((a) => area(h.id, a));
    }

    @FieldResolver(() => ExitAssessment)
    exitAssessment(@Root() h: Household, @Arg('year', () => Int) year: number) {
      expect(year).toBe(YEAR);
      return exit(h.id);
    }

    @Query(() => [MeasureTotal])
    registerMeasureTotals(@Args() _args: AggregateArgs) {
      return [];
    }
  }

  return buildDepartmentSchema({
    resolvers: [RegisterQueries],
    orphanedTypes: [AreaAssistance, ExitAssessment],
    referenceResolvers: {
      AreaAssistance: { __resolveReference: (ref) => area(String(ref.householdId), ref.area as DutyAreaCode) },
      ExitAssessment: { __resolveReference: (ref) => exit(String(ref.householdId)) },
    },
  });
}

/** Leads EDUCATION; needs the register's members to see a school-age child. */
function educationSchema() {
  const { AreaAssistanceKey, ExitAssessmentKey } = defineAssistanceKeys({ externalMembers: true });

  @Resolver(() => AreaAssistanceKey)
  class EducationArea {
    @FieldResolver(() => DepartmentContribution, { nullable: true })
    @Directive(`@requires(fields: "${MEMBERS_REQUIREMENT}")`)
    education(@Root() ref: AreaAssistanceRef) {
      if (ref.area !== DutyAreaCode.EDUCATION) return null;
      const children = activeMembers(ref.members).filter((m) => ageOn(m.birthDate, `${ref.year}-08-31`) >= 6 && ageOn(m.birthDate, `${ref.year}-08-31`) <= 15);
      return contribution('EDUCATION', ContributionRole.LEAD, [], children.length ? needed(true, `${children.length} child(ren) enrolled`) : notNeeded('no school-age child'));
    }
  }

  @Resolver(() => ExitAssessmentKey)
  class EducationExit {
    @FieldResolver(() => Predicate, { nullable: true })
    @Directive(`@requires(fields: "${MEMBERS_REQUIREMENT}")`)
    compulsoryEducation(@Root() ref: ExitAssessmentRef) {
      const children = activeMembers(ref.members).filter((m) => ageOn(m.birthDate, assessmentDate(ref.year)) <= 15);
      return predicate('COMPULSORY_EDUCATION', 'EDUCATION', children.length ? PredicateStatus.MET : PredicateStatus.NOT_APPLICABLE, 'toy');
    }
  }

  return buildDepartmentSchema({ resolvers: [EducationArea, EducationExit] });
}

/** Leads HOUSING_RENOVATION; expects finance to pay each renovation. */
function housingSchema() {
  const { AreaAssistanceKey, ExitAssessmentKey } = defineAssistanceKeys();
  const renovation = (householdId: string) => `RN-${householdId}`;

  @Resolver(() => AreaAssistanceKey)
  class HousingArea {
    @FieldResolver(() => DepartmentContribution, { nullable: true })
    housing(@Root() ref: AreaAssistanceRef) {
      if (ref.area !== DutyAreaCode.HOUSING_RENOVATION) return null;
      const id = renovation(ref.householdId);
      const works = [measure({ department: 'HOUSING', role: ContributionRole.LEAD, recordType: 'RenovationProject', recordId: id, programme: 'RENOVATION', year: ref.year })];
      return contribution('HOUSING', ContributionRole.LEAD, works, needed(true, 'renovation accepted', [], [expectSupport('FINANCE', id, 'renovation subsidy paid')]));
    }
  }

  @Resolver(() => ExitAssessmentKey)
  class HousingExit {
    @FieldResolver(() => Predicate, { nullable: true })
    housingSafety(@Root() ref: ExitAssessmentRef) {
      return predicate('HOUSING_SAFETY', 'HOUSING', ref.householdId.endsWith('2') ? PredicateStatus.NOT_MET : PredicateStatus.MET, 'toy');
    }
  }

  return buildDepartmentSchema({ resolvers: [HousingArea, HousingExit] });
}

/** Pays household A's renovation only. */
function financeSchema() {
  const { AreaAssistanceKey } = defineAssistanceKeys();

  @Resolver(() => AreaAssistanceKey)
  class FinanceArea {
    @FieldResolver(() => DepartmentContribution, { nullable: true })
    finance(@Root() ref: AreaAssistanceRef) {
      if (ref.area !== DutyAreaCode.HOUSING_RENOVATION || !ref.householdId.endsWith('1')) return null;
      const paid = measure({ department: 'FINANCE', role: ContributionRole.SUPPORT, recordType: 'Disbursement', recordId: 'D-1', programme: 'HOUSING_RENOVATION_SUBSIDY', amount: 1_500_000, onBehalfOf: 'HOUSING', sourceRecordId: `RN-${ref.householdId}` });
      return contribution('FINANCE', ContributionRole.SUPPORT, [paid]);
    }
  }

  return buildDepartmentSchema({ resolvers: [FinanceArea] });
}

/** A newcomer (a seventh department): supports CULTURE with a measure and adds nothing else. */
function newcomerSchema() {
  const { AreaAssistanceKey } = defineAssistanceKeys();

  @Resolver(() => AreaAssistanceKey)
  class CultureArea {
    @FieldResolver(() => DepartmentContribution, { nullable: true })
    culture(@Root() ref: AreaAssistanceRef) {
      if (ref.area !== DutyAreaCode.CULTURE) return null;
      return contribution('CULTURE', ContributionRole.JOINT, [measure({ department: 'CULTURE', role: ContributionRole.JOINT, recordType: 'Performance', recordId: 'P-1', programme: 'VILLAGE_THEATRE' })]);
    }
  }

  return buildDepartmentSchema({ resolvers: [CultureArea] });
}

export const TOY_DEPARTMENTS = { register: registerSchema, education: educationSchema, housing: housingSchema, finance: financeSchema, culture: newcomerSchema };

export async function startToyDepartment(name: keyof typeof TOY_DEPARTMENTS): Promise<TestSubgraph> {
  return startTestSubgraph({ schema: await TOY_DEPARTMENTS[name]() });
}
