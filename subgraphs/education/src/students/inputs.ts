import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, PersonIdScalar } from '@saf/kit';
import {
  DropoutReason,
  DropoutResolution,
  EducationStage,
  EnrolmentStatus,
  FollowUpMethod,
  HomeTeachingReason,
  SchoolLocation,
  StudentAidItem,
  StudyMode,
} from '../codes';
import { DropoutCase, HomeTeaching, Student, StudentAid } from './entities';

@InputType({ description: 'A new enrolment (学籍) of a registered person for a school year; it starts ENROLLED.' })
export class CreateStudentEnrolmentInput {
  @Field(() => HouseholdIdScalar, { description: 'The household of the register.' })
  householdId: string;

  @Field(() => PersonIdScalar, { description: 'Must be a member of the household in the register.' })
  personId: string;

  @Field(() => Int, { description: 'School year (2019 = 2019-09 to 2020-08); one enrolment per person and school year.' })
  schoolYear: number;

  @Field(() => String, { description: '学校, 2 to 60 characters.' })
  schoolName: string;

  @Field(() => SchoolLocation, { nullable: true, defaultValue: SchoolLocation.IN_COUNTY, description: 'Where the school is (default IN_COUNTY).' })
  schoolLocation: SchoolLocation;

  @Field(() => EducationStage, { description: '学段' })
  stage: EducationStage;

  @Field(() => Int, { description: '年级 within the stage (1 to 6, per stage).' })
  grade: number;

  @Field(() => String, { nullable: true, description: '班级, up to 20 characters.' })
  className?: string;

  @Field(() => String, { description: '学籍号: a capital letter and 7-29 capitals or digits; unique in a school year.' })
  studentNumber: string;

  @Field(() => StudyMode, { nullable: true, defaultValue: StudyMode.DAY, description: '就读方式 (default DAY).' })
  studyMode: StudyMode;

  @Field(() => LocalDateScalar, { description: 'Within the school year, not in the future.' })
  enrolledOn: string;
}

@InputType({ description: 'Changes to an enrolment; omitted fields stay as they are. Leaving statuses need leftOn.' })
export class UpdateStudentEnrolmentInput {
  @Field(() => EnrolmentStatus, { nullable: true, description: 'The new status.' })
  status?: EnrolmentStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Required for DROPPED_OUT, TRANSFERRED_OUT and COMPLETED.' })
  leftOn?: string;

  @Field(() => String, { nullable: true, description: 'The new class.' })
  className?: string;

  @Field(() => StudyMode, { nullable: true, description: 'The new study mode.' })
  studyMode?: StudyMode;
}

@InputType({ description: 'An aid item granted to an enrolled student for a semester. The sponsor follows from the item.' })
export class GrantStudentAidInput {
  @Field(() => HouseholdIdScalar, { description: 'The household of the register.' })
  householdId: string;

  @Field(() => PersonIdScalar, { description: 'The student; a member of the household in the register.' })
  personId: string;

  @Field(() => String, { description: 'Semester code, e.g. 2019-AUTUMN; the person must be enrolled in its school year.' })
  semester: string;

  @Field(() => StudentAidItem, { description: 'The aid item; it must apply to the enrolment\'s stage.' })
  item: StudentAidItem;

  @Field(() => MoneyScalar, { description: 'More than 0 and at most 10000.00 yuan.' })
  amount: number;

  @Field(() => LocalDateScalar, { description: '发放日期: not in the future, not before the semester\'s year.' })
  grantedOn: string;
}

@InputType({ description: 'Revocation (撤销/追回) of an aid grant.' })
export class RevokeStudentAidInput {
  @Field(() => LocalDateScalar, { description: 'Not before the grant, not in the future.' })
  revokedOn: string;

  @Field(() => String, { description: 'Why, 1 to 200 characters.' })
  reason: string;
}

@InputType({ description: 'A school-age child reported out of school (控辍保学台账). An enrolment of that school year is marked DROPPED_OUT.' })
export class ReportDropoutInput {
  @Field(() => HouseholdIdScalar, { description: 'The household of the register.' })
  householdId: string;

  @Field(() => PersonIdScalar, { description: 'The child; a member of the household in the register.' })
  personId: string;

  @Field(() => Int, { description: 'School year of the report; one case per person and school year.' })
  schoolYear: number;

  @Field(() => LocalDateScalar, { description: 'As on the ledger; the child must be 6 to 15 on 31 August of the school year.' })
  birthDate: string;

  @Field(() => DropoutReason, { description: '未在校原因' })
  reason: DropoutReason;

  @Field(() => String, { nullable: true, description: 'Free-text detail, up to 200 characters.' })
  reasonDetail?: string;

  @Field(() => LocalDateScalar, { description: 'Within the school year, not in the future.' })
  reportedOn: string;

  @Field(() => String, { description: '控辍保学责任人' })
  responsiblePerson: string;

  @Field(() => EducationStage, { nullable: true, description: 'Last stage attended (omit if never enrolled).' })
  stage?: EducationStage;

  @Field(() => Int, { nullable: true, description: 'Last grade attended (needs stage).' })
  grade?: number;

  @Field(() => String, { nullable: true, description: 'Last school attended.' })
  schoolName?: string;
}

@InputType({ description: 'A persuasion or follow-up contact (劝返).' })
export class DropoutFollowUpInput {
  @Field(() => LocalDateScalar, { description: 'On or after the report, not in the future.' })
  followUpOn: string;

  @Field(() => FollowUpMethod, { description: 'How the family was contacted.' })
  method: FollowUpMethod;

  @Field(() => String, { description: 'Who followed up, 1 to 30 characters.' })
  actor: string;

  @Field(() => String, { description: 'What came of it, 1 to 200 characters.' })
  outcome: string;
}

@InputType({ description: 'How and when a dropout case closed.' })
export class ResolveDropoutInput {
  @Field(() => DropoutResolution, { description: 'HOME_TEACHING only for illness or disability.' })
  resolution: DropoutResolution;

  @Field(() => LocalDateScalar, { description: 'On or after the report, not in the future.' })
  resolvedOn: string;
}

@InputType({ description: '送教上门 for a school year, for a child who cannot attend for health reasons.' })
export class StartHomeTeachingInput {
  @Field(() => HouseholdIdScalar, { description: 'The household of the register.' })
  householdId: string;

  @Field(() => PersonIdScalar, { description: 'The child; a member of the household in the register.' })
  personId: string;

  @Field(() => Int, { description: 'One home-teaching record per person and school year.' })
  schoolYear: number;

  @Field(() => HomeTeachingReason, { description: 'The health reason.' })
  reason: HomeTeachingReason;

  @Field(() => String, { description: 'The school responsible.' })
  schoolName: string;

  @Field(() => String, { description: 'The teacher who visits, 1 to 30 characters.' })
  teacher: string;

  @Field(() => Int, { description: '1 to 8 visits a month.' })
  visitsPerMonth: number;

  @Field(() => LocalDateScalar, { description: 'Within the school year, not in the future.' })
  startedOn: string;

  @Field(() => String, { nullable: true, description: 'An open illness or disability dropout case of the same person; it is resolved as HOME_TEACHING.' })
  dropoutCaseId?: string;
}

@InputType({ description: 'The end of home teaching.' })
export class EndHomeTeachingInput {
  @Field(() => LocalDateScalar, { description: 'Not before the start, not in the future.' })
  endedOn: string;

  @Field(() => String, { description: 'e.g. returned to school, moved, recovered.' })
  reason: string;
}

@ObjectType('StudentPayload', { description: 'The result of an enrolment write.' })
export class StudentPayload {
  @Field(() => Student, { description: 'The enrolment as it is after the write.' })
  student: Student;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}

@ObjectType('StudentAidPayload', { description: 'The result of an aid write.' })
export class StudentAidPayload {
  @Field(() => StudentAid, { description: 'The aid grant as it is after the write.' })
  aid: StudentAid;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}

@ObjectType('DropoutCasePayload', { description: 'The result of a dropout-ledger write.' })
export class DropoutCasePayload {
  @Field(() => DropoutCase, { description: 'The dropout case as it is after the write.' })
  dropoutCase: DropoutCase;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}

@ObjectType('HomeTeachingPayload', { description: 'The result of a home-teaching write.' })
export class HomeTeachingPayload {
  @Field(() => HomeTeaching, { description: 'The home teaching as it is after the write.' })
  homeTeaching: HomeTeaching;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}
