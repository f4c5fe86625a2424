import { DataSource } from 'typeorm';
import { makeResidentId } from '@saf/kit';

export const COUNTY = '500154000000';
export const TOWNSHIP = '500154101000';
export const POOR_VILLAGE = '500154101201';
export const OTHER_VILLAGE = '500154101202';

/** A minimal region tree: Chongqing > municipal districts > Kaizhou > one town > two villages. */
export async function seedRegions(db: DataSource): Promise<void> {
  await db.query(`
    INSERT INTO region (code, name, level, parent_code, is_poor_village) VALUES
      ('500000000000', '重庆市', 1, NULL, false),
      ('500100000000', '市辖区', 2, '500000000000', false),
      ('${COUNTY}', '开州区', 3, '500100000000', false),
      ('${TOWNSHIP}', '汉丰镇', 4, '${COUNTY}', false),
      ('${POOR_VILLAGE}', '石龙村', 5, '${TOWNSHIP}', true),
      ('${OTHER_VILLAGE}', '东华村', 5, '${TOWNSHIP}', false)`);
}

let sequence = 0;
/** A fresh valid resident ID on every call. */
export function residentId(birthDate = '1970-05-01', sex: 'MALE' | 'FEMALE' = 'MALE'): string {
  sequence += 2;
  return makeResidentId('500234', birthDate, sequence, sex);
}

export function householdInput(overrides: Record<string, unknown> = {}) {
  return {
    villageCode: POOR_VILLAGE,
    identifiedOn: '2014-06-01',
    welfareCategory: 'GENERAL',
    mainCause: 'ILLNESS',
    otherCauses: ['LACK_OF_SKILLS'],
    phone: '13812345678',
    members: [
      { residentId: residentId('1968-03-02', 'MALE'), name: '王建国', relation: 'HEAD', healthStatus: 'CHRONIC_ILLNESS', labourCapacity: 'ORDINARY' },
      { residentId: residentId('1970-11-20', 'FEMALE'), name: '李秀英', relation: 'SPOUSE', healthStatus: 'HEALTHY', labourCapacity: 'ORDINARY' },
      { residentId: residentId('2008-09-01', 'FEMALE'), name: '王芳', relation: 'DAUGHTER', healthStatus: 'HEALTHY', labourCapacity: 'NONE', schoolingStatus: 'IN_SCHOOL' },
    ],
    ...overrides,
  };
}

/** Bulk-inserts `count` households of three members each into a village, in three statements. */
export async function insertHouseholds(db: DataSource, village: string, count: number, firstSequence = 1): Promise<void> {
  await db.query(
    `INSERT INTO household (id, region_code, identification_standard, welfare_category, main_cause, other_causes, status, identification_year)
     SELECT $1 || lpad(s::text, 4, '0'), $1, 'NATIONAL', 'GENERAL', 'SCHOOLING', '{}', 'NOT_EXITED', 2015
     FROM generate_series($2::int, $2::int + $3::int - 1) AS s`,
    [village, firstSequence, count],
  );
  const people: unknown[][] = [];
  for (let s = firstSequence; s < firstSequence + count; s++) {
    const household = `${village}${String(s).padStart(4, '0')}`;
    for (let m = 1; m <= 3; m++) people.push([`${household}-0${m}`, household, residentId('1980-01-01'), `成员${m}`, m === 1 ? 'HEAD' : 'SON']);
  }
  await db.query(
    `INSERT INTO person (id, household_id, resident_id, name, sex, birth_date, relation, health_status, labour_capacity)
     SELECT p->>0, p->>1, p->>2, p->>3, 'MALE', DATE '1980-01-01', p->>4, 'HEALTHY', 'ORDINARY' FROM jsonb_array_elements($1::jsonb) AS p`,
    [JSON.stringify(people)],
  );
  await db.query(
    `INSERT INTO household_status_period (household_id, status, effective_from)
     SELECT $1 || lpad(s::text, 4, '0'), 'NOT_EXITED', DATE '2015-03-01' FROM generate_series($2::int, $2::int + $3::int - 1) AS s`,
    [village, firstSequence, count],
  );
}
