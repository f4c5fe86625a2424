import DataLoader from 'dataloader';
import { DataSource, FindOptionsOrder, In, ObjectLiteral } from 'typeorm';
import { LoaderFactory, manyByKey, oneByKey } from '@saf/kit';

/**
 * Loader factories shared by the record types: one SQL statement per loader per request, however
 * many households, persons or representations a query asks for.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EntityClass<T> = new (...args: any[]) => T;

/** Records by their numeric ID; keys that are not numbers (from `_entities` or `id` arguments) give null. */
export function byNumericId<T extends ObjectLiteral & { id: number }>(entity: EntityClass<T>): LoaderFactory<string, T | null> {
  return (db: DataSource) =>
    new DataLoader(async (keys) => {
      const ids = keys.filter((k) => /^[0-9]{1,18}$/.test(String(k))).map((k) => String(k));
      const rows = ids.length ? await db.getRepository(entity).findBy({ id: In(ids) } as never) : [];
      return oneByKey(keys, rows, (r) => String(r.id));
    });
}

/** Records by a text primary key. */
export function byTextId<T extends ObjectLiteral & { id: string }>(entity: EntityClass<T>): LoaderFactory<string, T | null> {
  return (db: DataSource) =>
    new DataLoader(async (keys) => oneByKey(keys, await db.getRepository(entity).findBy({ id: In([...keys]) } as never), (r) => r.id));
}

/** All records of each household (or person), in `order`. */
export function manyBy<T extends ObjectLiteral>(entity: EntityClass<T>, key: 'householdId' | 'personId', order: FindOptionsOrder<T>): LoaderFactory<string, T[]> {
  return (db: DataSource) =>
    new DataLoader(async (keys) =>
      manyByKey(keys, await db.getRepository(entity).find({ where: { [key]: In([...keys]) } as never, order }), (r) => r[key] as string),
    );
}
