import { Arg, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { ErrorCode, userError } from '../errors';
import { HouseholdIdScalar } from '../scalars';
import type { Identity } from './identity';
import { assertInScope } from './scope';

/**
 * Every department's append-only trace of who wrote what and who read which personal field. A
 * trigger refuses UPDATE, DELETE and TRUNCATE, so even the subgraph's own code cannot rewrite it.
 */
export class AuditEvents1600000000002 implements MigrationInterface {
  name = 'AuditEvents1600000000002';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        id           bigserial PRIMARY KEY,
        occurred_at  timestamptz NOT NULL DEFAULT now(),
        request_id   text NOT NULL,
        subject      text NOT NULL,
        role         text NOT NULL,
        action       text NOT NULL CHECK (action IN ('WRITE', 'READ_PERSONAL')),
        operation    text NOT NULL,
        record       text,
        record_id    text,
        household_id text COLLATE "C",
        person_id    text COLLATE "C",
        fields       text[] NOT NULL DEFAULT '{}',
        masked       boolean NOT NULL DEFAULT false
      );
      CREATE INDEX audit_event_household_idx ON audit_event (household_id, id);
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$;
      CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_event; DROP FUNCTION audit_event_is_append_only()');
  }
}

export interface AuditEntry {
  action: 'WRITE' | 'READ_PERSONAL';
  /** The mutation, or `Type.field` read. */
  operation: string;
  record?: string | null;
  recordId?: string | null;
  householdId?: string | null;
  personId?: string | null;
  fields?: string[];
  masked?: boolean;
}

/**
 * A request's personal-field reads, gathered while its fields resolve and written in one
 * statement before the response leaves (one row per record and field set, whatever the page size).
 */
export class AuditTrail {
  private readonly reads = new Map<string, AuditEntry>();

  constructor(private readonly identity: Identity, private readonly requestId: string) {}

  noteRead(record: string, owner: { recordId?: string | null; householdId?: string | null; personId?: string | null }, field: string, masked: boolean): void {
    const key = `${record}|${owner.recordId ?? ''}|${owner.householdId ?? ''}|${owner.personId ?? ''}|${masked}`;
    const entry = this.reads.get(key);
    if (entry) {
      if (!entry.fields!.includes(field)) entry.fields!.push(field);
      return;
    }
    this.reads.set(key, { action: 'READ_PERSONAL', operation: `read ${record}`, record, ...owner, fields: [field], masked });
  }

  get pending(): number {
    return this.reads.size;
  }

  async flush(db: DataSource | EntityManager): Promise<void> {
    if (this.reads.size === 0) return;
    const entries = [...this.reads.values()];
    this.reads.clear();
    await writeAudit(db, this.identity, this.requestId, entries);
  }
}

/** Inserts audit rows in one statement (in the caller's transaction when given one). */
export async function writeAudit(db: DataSource | EntityManager, identity: Identity, requestId: string, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const column = <K extends keyof AuditEntry>(key: K) => entries.map((e) => e[key] ?? null);
  await db.query(
    `INSERT INTO audit_event (request_id, subject, role, action, operation, record, record_id, household_id, person_id, fields, masked)
     SELECT $1, $2, $3, a, o, r, ri, h, p, string_to_array(f, ','), m
     FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bool[]) AS t(a, o, r, ri, h, p, f, m)`,
    [
      requestId,
      identity.subject,
      identity.role,
      column('action'),
      column('operation'),
      column('record'),
      column('recordId'),
      column('householdId'),
      column('personId'),
      entries.map((e) => (e.fields ?? []).join(',')),
      entries.map((e) => e.masked ?? false),
    ],
  );
}

@ObjectType({ description: "One row of a department's audit trail (append-only)." })
@Directive('@shareable')
export class AuditEvent {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'When, as an ISO 8601 timestamp.' })
  occurredAt: string;

  @Field(() => String, { description: 'The request ID (x-request-id), to find the request in every log.' })
  requestId: string;

  @Field(() => String, { description: "The caller's token subject." })
  subject: string;

  @Field(() => String)
  role: string;

  @Field(() => String, { description: 'WRITE or READ_PERSONAL.' })
  action: string;

  @Field(() => String, { description: 'The mutation, or `read <Type>`.' })
  operation: string;

  @Field(() => String, { nullable: true })
  record: string | null;

  @Field(() => String, { nullable: true })
  recordId: string | null;

  @Field(() => String, { nullable: true })
  householdId: string | null;

  @Field(() => String, { nullable: true })
  personId: string | null;

  @Field(() => [String], { description: 'The personal fields read.' })
  fields: string[];

  @Field(() => Boolean, { description: 'Whether the caller saw them masked.' })
  masked: boolean;
}

const MAX_AUDIT_PAGE = 1000;

/** `<department>AuditEvents`: the newest first, for admins, within their region. */
// eslint-disable-next-line @typescript-eslint/ban-types
export function auditQueryResolver(department: string): Function {
  const name = `${department.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}AuditEvents`;

  @Resolver()
  class DepartmentAuditResolver {
    @Directive('@requiresScopes(scopes: [["admin"]])')
    @Query(() => [AuditEvent], { name, description: `The ${department} audit trail, newest first (admin only, within the admin's region).` })
    async auditEvents(
      @Ctx() ctx: { identity: Identity; db: DataSource },
      @Arg('householdId', () => HouseholdIdScalar, { nullable: true }) householdId?: string | null,
      @Arg('requestId', () => String, { nullable: true }) requestId?: string | null,
      @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first = 100,
      @Arg('before', () => ID, { nullable: true, description: 'The id of the last event of the previous page.' }) before?: string | null,
    ): Promise<AuditEvent[]> {
      if (ctx.identity.role !== 'admin') throw userError(ErrorCode.FORBIDDEN, 'only admins read the audit trail', { reason: 'ROLE' });
      if (!Number.isInteger(first) || first < 0 || first > MAX_AUDIT_PAGE) throw userError(ErrorCode.BAD_USER_INPUT, `first must be from 0 to ${MAX_AUDIT_PAGE}`, { field: 'first' });
      if (householdId) assertInScope(ctx.identity, householdId, 'householdId');
      const region = ctx.identity.region;
      const rows: Array<Record<string, unknown>> = await ctx.db.query(
        `SELECT id::text, occurred_at, request_id, subject, role, action, operation, record, record_id, household_id, person_id, fields, masked
         FROM audit_event
         WHERE ($1::text IS NULL OR household_id = $1)
           AND ($2::text IS NULL OR request_id = $2)
           AND ($3::bigint IS NULL OR id < $3)
           AND ($4 = '' OR (household_id >= $4 AND household_id < $4 || '~'))
         ORDER BY id DESC LIMIT $5`,
        [householdId ?? null, requestId ?? null, before ?? null, region, first],
      );
      return rows.map((r) =>
        Object.assign(new AuditEvent(), {
          id: r.id,
          occurredAt: new Date(r.occurred_at as string).toISOString(),
          requestId: r.request_id,
          subject: r.subject,
          role: r.role,
          action: r.action,
          operation: r.operation,
          record: r.record,
          recordId: r.record_id,
          householdId: r.household_id,
          personId: r.person_id,
          fields: r.fields,
          masked: r.masked,
        }),
      );
    }
  }
  return DepartmentAuditResolver;
}
