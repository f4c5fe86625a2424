import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar, MoneyScalar } from '@saf/kit';
import { AidCondition } from '../aidStandards';
import {
  DropoutReason,
  DropoutResolution,
  EducationStage,
  EnrolmentStatus,
  FollowUpMethod,
  HomeTeachingReason,
  SchoolLocation,
  StudentAidItem,
  StudentAidSponsor,
  StudentAidStatus,
  StudyMode,
} from '../codes';
import '../enums';

/**
 * The education department's records. Each class is the TypeORM entity and the GraphQL type;
 * household, person and nested lists are field resolvers batched through DataLoader. Money
 * properties hold integer fen (the Money scalar writes exact yuan). IDs are natural keys derived
 * from the person ID: `<personId>/<schoolYear>` for an enrolment, `<personId>/<semester>/<item>`
 * for an aid grant, `<personId>/<schoolYear>/DROPOUT` and `<personId>/<schoolYear>/HOME`.
 */

@Entity('student_enrolment')
@ObjectType('Student', { description: '学籍: one enrolment of a person in one school year (Y = 1 September Y to 31 August Y+1).' })
@Directive('@key(fields: "id")')
export class Student {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: '`<personId>/<schoolYear>`.' })
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  householdId: string;

  @Column({ name: 'person_id', type: 'text' })
  personId: string;

  @Column({ name: 'school_year', type: 'smallint' })
  @Field(() => Int, { description: 'The school year, named by the year it starts in (2019 = 2019-09 to 2020-08).' })
  schoolYear: number;

  @Column({ name: 'school_name', type: 'text' })
  @Field(() => String, { description: '学校' })
  schoolName: string;

  @Column({ name: 'school_location', type: 'text' })
  @Field(() => SchoolLocation, { description: 'Where the school is (新生入学资助 depends on it).' })
  schoolLocation: SchoolLocation;

  @Column({ type: 'text' })
  @Field(() => EducationStage, { description: '学段' })
  stage: EducationStage;

  @Column({ type: 'smallint' })
  @Field(() => Int, { description: '年级 within the stage (学前 1-3 = 小班/中班/大班).' })
  grade: number;

  @Column({ name: 'class_name', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '班级, e.g. "2班".' })
  className: string | null;

  @Column({ name: 'student_number', type: 'text' })
  @Field(() => String, { description: '学籍号: the student\'s lifelong roll number (never the resident ID number).' })
  studentNumber: string;

  @Column({ name: 'study_mode', type: 'text' })
  @Field(() => StudyMode, { description: '就读方式' })
  studyMode: StudyMode;

  @Column({ type: 'text' })
  @Field(() => EnrolmentStatus, { description: '学籍状态 in this school year.' })
  status: EnrolmentStatus;

  @Column({ name: 'enrolled_on', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'First day on the roll in this school year.' })
  enrolledOn: string;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Day the student left (dropped out, transferred, completed).' })
  leftOn: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@Entity('student_aid')
@ObjectType('StudentAid', { description: '资助: one aid item granted to a student for one semester. Duty area EDUCATION.' })
@Directive('@key(fields: "id")')
export class StudentAid {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: '`<personId>/<semester>/<item>`.' })
  id: string;

  @Column({ name: 'student_id', type: 'text' })
  studentId: string;

  @Column({ name: 'household_id', type: 'text' })
  householdId: string;

  @Column({ name: 'person_id', type: 'text' })
  personId: string;

  @Column({ type: 'text' })
  @Field(() => StudentAidItem, { description: '资助项目' })
  item: StudentAidItem;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Semester code, e.g. 2019-AUTUMN (school year 2019) or 2020-SPRING (school year 2019).' })
  semester: string;

  @Column({ type: 'smallint' })
  @Field(() => Int, { description: 'Calendar year of the semester.' })
  year: number;

  @Column({ name: 'school_year', type: 'smallint' })
  @Field(() => Int, { description: 'School year of the enrolment the semester belongs to.' })
  schoolYear: number;

  @Column({ type: 'text' })
  @Field(() => EducationStage, { description: 'Stage of the enrolment the aid was granted for.' })
  stage: EducationStage;

  @Column({ name: 'amount_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: 'Amount granted for the semester (or once), yuan.' })
  amount: number;

  @Column({ name: 'granted_on', type: 'date' })
  @Field(() => LocalDateScalar, { description: '发放日期' })
  grantedOn: string;

  @Column({ name: 'duty_area', type: 'text' })
  @Field(() => String, { description: 'Duty-matrix area the aid serves: EDUCATION (教育扶贫), led by education.' })
  dutyArea: string;

  @Column({ type: 'text' })
  @Field(() => StudentAidSponsor, { description: 'The department whose programme pays (POVERTY_OFFICE for 雨露计划).' })
  sponsor: StudentAidSponsor;

  @Column({ type: 'text' })
  @Field(() => StudentAidStatus, { description: 'GRANTED, or REVOKED (撤销/追回).' })
  status: StudentAidStatus;

  @Column({ name: 'revoked_on', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Date the grant was revoked, if it was.' })
  revokedOn: string | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the grant was revoked.' })
  revocationReason: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@Entity('dropout_case')
@ObjectType('DropoutCase', { description: '控辍保学: a school-age child reported out of school in a school year, with persuasion follow-ups and its resolution.' })
export class DropoutCase {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: '`<personId>/<schoolYear>/DROPOUT`.' })
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  householdId: string;

  @Column({ name: 'person_id', type: 'text' })
  personId: string;

  @Column({ name: 'school_year', type: 'smallint' })
  @Field(() => Int, { description: 'School year in which the child was reported out of school.' })
  schoolYear: number;

  @Column({ name: 'birth_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: '出生日期 as recorded on the dropout ledger (for the 6-15 age test).' })
  birthDate: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => EducationStage, { nullable: true, description: 'Last stage attended; null if never enrolled.' })
  stage: EducationStage | null;

  @Column({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Last grade attended.' })
  grade: number | null;

  @Column({ name: 'school_name', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Last school attended.' })
  schoolName: string | null;

  @Column({ type: 'text' })
  @Field(() => DropoutReason, { description: '未在校原因' })
  reason: DropoutReason;

  @Column({ name: 'reason_detail', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Free-text detail of the reason.' })
  reasonDetail: string | null;

  @Column({ name: 'reported_on', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'Date the child was entered on the dropout ledger.' })
  reportedOn: string;

  @Column({ name: 'responsible_person', type: 'text' })
  @Field(() => String, { description: '控辍保学责任人 (head teacher, principal or village cadre).' })
  responsiblePerson: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => DropoutResolution, { nullable: true, description: 'Null while the child is still out of school.' })
  resolution: DropoutResolution | null;

  @Column({ name: 'resolved_on', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of the return to school or of the start of home teaching.' })
  resolvedOn: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@Entity('dropout_follow_up')
@ObjectType('DropoutFollowUp', { description: '劝返: one persuasion or follow-up contact on a dropout case.' })
export class DropoutFollowUp {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  @Field(() => ID)
  id: number;

  @Column({ name: 'case_id', type: 'text' })
  caseId: string;

  @Column({ name: 'household_id', type: 'text' })
  householdId: string;

  @Column({ name: 'follow_up_on', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'Date of the contact.' })
  followUpOn: string;

  @Column({ type: 'text' })
  @Field(() => FollowUpMethod, { description: 'How the family was contacted.' })
  method: FollowUpMethod;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Who followed up.' })
  actor: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'What came of it.' })
  outcome: string;
}

@Entity('home_teaching')
@ObjectType('HomeTeaching', { description: '送教上门: a child who cannot attend school for health reasons, taught at home for a school year. Counts as schooled.' })
export class HomeTeaching {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: '`<personId>/<schoolYear>/HOME`.' })
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  householdId: string;

  @Column({ name: 'person_id', type: 'text' })
  personId: string;

  @Column({ name: 'school_year', type: 'smallint' })
  @Field(() => Int, { description: 'The school year taught at home.' })
  schoolYear: number;

  @Column({ type: 'text' })
  @Field(() => HomeTeachingReason, { description: 'The health reason.' })
  reason: HomeTeachingReason;

  @Column({ name: 'school_name', type: 'text' })
  @Field(() => String, { description: 'The school responsible (the child is on its roll).' })
  schoolName: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The teacher who visits.' })
  teacher: string;

  @Column({ name: 'visits_per_month', type: 'smallint' })
  @Field(() => Int, { description: 'Planned home visits a month.' })
  visitsPerMonth: number;

  @Column({ name: 'started_on', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'First day of home teaching in the school year.' })
  startedOn: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day, once ended.' })
  endedOn: string | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it ended (end of school year, returned to school, recovered…).' })
  endReason: string | null;

  @Column({ name: 'dropout_case_id', type: 'text', nullable: true })
  dropoutCaseId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@Entity('student_aid_standard')
@ObjectType('StudentAidStandard', { description: '资助标准: the amount of an aid item per semester (or once), effective from a semester.' })
export class StudentAidStandard {
  @PrimaryColumn({ type: 'text' })
  @Field(() => StudentAidItem, { description: 'The aid item.' })
  item: StudentAidItem;

  @PrimaryColumn({ type: 'text' })
  @Field(() => EducationStage, { description: 'The stage it applies to.' })
  stage: EducationStage;

  @PrimaryColumn({ type: 'text' })
  @Field(() => AidCondition, { description: 'To whom it applies (boarders, day pupils, school location…).' })
  condition: AidCondition;

  @PrimaryColumn({ name: 'valid_from', type: 'text' })
  @Field(() => String, { description: 'First semester the amount applies to; it applies until the next standard of the same item, stage and condition.' })
  validFrom: string;

  @Column({ name: 'amount_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: 'Amount per semester (or once), yuan.' })
  amount: number;

  @Column({ type: 'boolean' })
  @Field(() => Boolean, { description: 'Paid once per course of study rather than every semester.' })
  once: boolean;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Where the figure comes from (reference/domain.md §2.8).' })
  source: string;
}
