import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalDateScalar, MoneyScalar, RegionCodeScalar, RegionLevel } from '@saf/kit';
import '../register/enums';

@Entity('region')
@ObjectType({ description: 'A statistical division: province, prefecture, county, township or village.' })
export class Region {
  @PrimaryColumn({ type: 'text' })
  @Field(() => RegionCodeScalar)
  code: string;

  @Column({ type: 'text' })
  @Field(() => String)
  name: string;

  @Column({ type: 'smallint' })
  @Field(() => RegionLevel)
  level: RegionLevel;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  @Field(() => RegionCodeScalar, { nullable: true })
  parentCode: string | null;

  @Column({ name: 'is_poor_village', type: 'boolean' })
  @Field(() => Boolean, { description: '贫困村: a designated poor village (villages only).' })
  isPoorVillage: boolean;

  @Column({ name: 'valid_from', type: 'date' })
  @Field(() => LocalDateScalar)
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Set when the code was retired or merged.' })
  validTo: string | null;
}

@Entity('poverty_line')
@ObjectType({ description: '国家扶贫标准: the national poverty line for one year, in yuan per person per year.' })
export class PovertyLine {
  @PrimaryColumn({ type: 'smallint' })
  @Field(() => Int)
  year: number;

  @Column({ name: 'amount_fen', type: 'bigint' })
  @Field(() => MoneyScalar)
  amount: number;

  @Column({ type: 'boolean' })
  @Field(() => Boolean, { description: 'False where the figure is commonly cited but not confirmed against a primary source.' })
  verified: boolean;

  @Column({ type: 'text' })
  @Field(() => String)
  source: string;
}

@Entity('department')
@ObjectType({ description: 'A provincial department named in the duty matrix (seed 004).' })
export class Department {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  code: string;

  @Column({ name: 'name_zh', type: 'text' })
  @Field(() => String)
  nameZh: string;

  @Column({ name: 'name_en', type: 'text' })
  @Field(() => String)
  nameEn: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The subgraph that federates this department\'s data, if any.' })
  subgraph: string | null;
}

@Entity('duty_area')
@ObjectType({ description: 'A duty area of the matrix with its lead (牵头) and supporting (配合) departments.' })
export class DutyArea {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  code: string;

  @Column({ type: 'smallint' })
  @Field(() => Int, { description: 'Item number in seed 004.' })
  item: number;

  @Column({ name: 'name_zh', type: 'text' })
  @Field(() => String)
  nameZh: string;

  @Column({ name: 'name_en', type: 'text' })
  @Field(() => String)
  nameEn: string;

  @Column({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true })
  deadline: string | null;

  @Column({ type: 'smallint' })
  position: number;
}

@Entity('duty_area_department')
export class DutyAreaDepartment {
  @PrimaryColumn({ name: 'area_code', type: 'text' })
  areaCode: string;

  @PrimaryColumn({ name: 'department_code', type: 'text' })
  departmentCode: string;

  @PrimaryColumn({ type: 'text' })
  role: 'LEAD' | 'SUPPORT' | 'JOINT' | 'PARTICIPANT' | 'IMPLEMENTER';

  @Column({ type: 'smallint' })
  position: number;
}
