import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { LoaderFactory, manyByKey, oneByKey } from '@saf/kit';
import { Department, DutyArea, DutyAreaDepartment, PovertyLine, Region } from './entities';

export const regionByCode: LoaderFactory<string, Region | null> = (db) =>
  new DataLoader(async (codes) => oneByKey(codes, await db.getRepository(Region).findBy({ code: In([...codes]) }), (r) => r.code));

export const regionChildren: LoaderFactory<string, Region[]> = (db) =>
  new DataLoader(async (codes) =>
    manyByKey(codes, await db.getRepository(Region).find({ where: { parentCode: In([...codes]) }, order: { code: 'ASC' } }), (r) => r.parentCode as string),
  );

export const povertyLineByYear: LoaderFactory<number, PovertyLine | null> = (db) =>
  new DataLoader(async (years) => oneByKey(years, await db.getRepository(PovertyLine).findBy({ year: In([...years]) }), (l) => l.year));

/** The duty matrix is small reference data: read whole, in three statements. */
export interface DutyMatrix {
  areas: DutyArea[];
  departments: Map<string, Department>;
  links: DutyAreaDepartment[];
}

/**
 * How long a process keeps the matrix it read. Only a migration or recordFederation (a department
 * joining or leaving the federation) changes it; the process that writes forgets its copy at once,
 * and a minute bounds how stale another replica's copy can be without a read per request.
 */
export const DUTY_MATRIX_TTL_MS = 60_000;

const cachedMatrix = new WeakMap<DataSource, { readAt: number; matrix: Promise<DutyMatrix> }>();

function readDutyMatrix(db: DataSource): Promise<DutyMatrix> {
  const cached = cachedMatrix.get(db);
  if (cached && Date.now() - cached.readAt < DUTY_MATRIX_TTL_MS) return cached.matrix;
  const matrix = Promise.all([
    db.getRepository(DutyArea).find({ order: { position: 'ASC' } }),
    db.getRepository(Department).find({ order: { code: 'ASC' } }),
    db.getRepository(DutyAreaDepartment).find({ order: { areaCode: 'ASC', role: 'ASC', position: 'ASC' } }),
  ]).then(([areas, departments, links]) => ({ areas, departments: new Map(departments.map((d) => [d.code, d])), links }));
  cachedMatrix.set(db, { readAt: Date.now(), matrix });
  matrix.catch(() => cachedMatrix.delete(db));
  return matrix;
}

/**
 * Drops this process's copy of the matrix, so the next read sees a write that just committed
 * (recordFederation). Other replicas of the subgraph see it within DUTY_MATRIX_TTL_MS.
 */
export function forgetDutyMatrix(db: DataSource): void {
  cachedMatrix.delete(db);
}

export const dutyMatrix: LoaderFactory<'all', DutyMatrix> = (db) =>
  new DataLoader(async (keys) => {
    const matrix = await readDutyMatrix(db);
    return keys.map(() => matrix);
  });

/** The department's role in an area per the matrix (LEAD, SUPPORT or JOINT), or null. */
export function roleInArea(matrix: DutyMatrix, areaCode: string, departmentCode: string): 'LEAD' | 'SUPPORT' | 'JOINT' | null {
  const link = matrix.links.find((l) => l.areaCode === areaCode && l.departmentCode === departmentCode && (l.role === 'LEAD' || l.role === 'SUPPORT' || l.role === 'JOINT'));
  return (link?.role as 'LEAD' | 'SUPPORT' | 'JOINT' | undefined) ?? null;
}

/** Whether a lead (or, for an area without a lead, a jointly responsible department) has a subgraph. */
export function isLeadFederated(matrix: DutyMatrix, areaCode: string): boolean {
  const withRole = (role: string) => matrix.links.filter((l) => l.areaCode === areaCode && l.role === role).map((l) => matrix.departments.get(l.departmentCode));
  const lead = withRole('LEAD');
  const responsible = lead.length ? lead : withRole('JOINT');
  return responsible.some((d) => d != null && d.subgraph !== null);
}
