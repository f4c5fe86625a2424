import DataLoader from 'dataloader';
import { In } from 'typeorm';
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

/** The duty matrix is small reference data: each request reads it whole, once, in three statements. */
export interface DutyMatrix {
  areas: DutyArea[];
  departments: Map<string, Department>;
  links: DutyAreaDepartment[];
}

export const dutyMatrix: LoaderFactory<'all', DutyMatrix> = (db) =>
  new DataLoader(async (keys) => {
    const [areas, departments, links] = await Promise.all([
      db.getRepository(DutyArea).find({ order: { position: 'ASC' } }),
      db.getRepository(Department).find({ order: { code: 'ASC' } }),
      db.getRepository(DutyAreaDepartment).find({ order: { areaCode: 'ASC', role: 'ASC', position: 'ASC' } }),
    ]);
    const matrix = { areas, departments: new Map(departments.map((d) => [d.code, d])), links };
    return keys.map(() => matrix);
  });
