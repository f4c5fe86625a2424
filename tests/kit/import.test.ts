import {
  CsvParser,
  ImportKind,
  ImportProblem,
  ImportReport,
  Identity,
  makeResidentId,
  parseCell,
  readCsv,
  readJsonLines,
  RegisterClient,
  runImport,
} from '@saf/kit';
import { civilAffairs } from '@saf/civil-affairs';
import type { HouseholdBundle } from '@saf/poverty-office';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';

/**
 * The kit's import pipeline (issue 8), against a real database and a real register: a probe
 * table in the civil-affairs schema and a kind with every column type.
 */

async function* chunks(...parts: Array<string | Buffer>): AsyncGenerator<Buffer | string> {
  for (const part of parts) yield part;
}

async function csvRecords(...parts: Array<string | Buffer>) {
  const out: Array<{ cells: string[]; malformed?: string }> = [];
  for await (const batch of readCsv(chunks(...parts))) out.push(...batch);
  return out;
}

describe('CSV reader', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', async () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n1,,3\n';
    expect(await csvRecords(text)).toEqual([
      { cells: ['a', 'b', 'c'] },
      { cells: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { cells: ['1', '', '3'] },
    ]);
  });

  it('gives the same records whatever the chunk boundaries, including inside a UTF-8 character', async () => {
    const text = '\uFEFFname,note\r\n"李,四","引号""内"""\r\n王五,"多\n行"\r\nlast,row';
    const bytes = Buffer.from(text, 'utf8');
    const whole = await csvRecords(bytes);
    expect(whole).toEqual([{ cells: ['name', 'note'] }, { cells: ['李,四', '引号"内"'] }, { cells: ['王五', '多\n行'] }, { cells: ['last', 'row'] }]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await csvRecords(bytes.subarray(0, cut), bytes.subarray(cut))).toEqual(whole);
    }
  });

  it('skips blank lines and keeps a quoted empty field as a record', async () => {
    expect(await csvRecords('a\n\n\r\n""\nb\n\n')).toEqual([{ cells: ['a'] }, { cells: [''] }, { cells: ['b'] }]);
  });

  it('marks a stray quote and text after a closing quote as malformed, and reads on', async () => {
    const records = await csvRecords('a,b\nab"c,d\n"x"y,z\nok,1\n');
    expect(records[1].malformed).toMatch(/quote inside an unquoted field/);
    expect(records[2].malformed).toMatch(/text follows a closing quote/);
    expect(records[3]).toEqual({ cells: ['ok', '1'] });
  });

  it('marks a quote left open at the end of the file', async () => {
    const records = await csvRecords('a,b\n"open,1\n');
    expect(records[1].malformed).toMatch(/not closed/);
  });

  it('refuses text that is not UTF-8', async () => {
    const gbk = Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xc0, 0xee, 0x2c, 0x31, 0x0a]); // 李 in GBK
    await expect(csvRecords(gbk)).rejects.toMatchObject({ extensions: { code: 'INVALID_ENCODING' } });
  });

  it('parses a record split at every possible point the same way (parser level)', () => {
    const text = 'a,"b\nc",d\r\ne,f,g\r\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const parser = new CsvParser();
      const records = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut)), ...parser.end()];
      expect(records.map((r) => r.cells)).toEqual([['a', 'b\nc', 'd'], ['e', 'f', 'g']]);
    }
  });
});

describe('JSON Lines reader', () => {
  it('reads one object per line (LF or CRLF), skips blank lines, marks what is not an object', async () => {
    const out: Array<{ values: Record<string, unknown>; malformed?: string }> = [];
    for await (const batch of readJsonLines(chunks('{"a":1}\r\n\n{"a":', '"x"}\n[1]\nnot json\n{"a":true}'))) out.push(...batch);
    expect(out.map((r) => r.values)).toEqual([{ a: 1 }, { a: 'x' }, {}, {}, { a: true }]);
    expect(out[2].malformed).toMatch(/one JSON object/);
    expect(out[3].malformed).toMatch(/not valid JSON/);
  });
});

describe('column types', () => {
  const col = (type: ImportKind['columns'][number]['type'], required = true) => ({ name: 'c', type, required, description: '' });
  const ok = (type: Parameters<typeof col>[0], raw: unknown) => parseCell(col(type), raw as string);
  const code = (type: Parameters<typeof col>[0], raw: unknown) => {
    const result = ok(type, raw);
    return result.ok ? null : result.problem.code;
  };

  it('checks every type, with a code for each refusal', () => {
    expect(ok({ kind: 'text', pattern: /^[A-Z]+$/, maxLength: 5 }, ' ABC ')).toEqual({ ok: true, value: 'ABC' });
    expect(code({ kind: 'text', pattern: /^[A-Z]+$/ }, 'abc')).toBe('INVALID_VALUE');
    expect(code({ kind: 'text', maxLength: 2 }, 'abc')).toBe('INVALID_VALUE');
    expect(ok({ kind: 'int', min: 1, max: 10 }, '7')).toEqual({ ok: true, value: 7 });
    expect(ok({ kind: 'int' }, 7)).toEqual({ ok: true, value: 7 });
    expect(code({ kind: 'int' }, '7.5')).toBe('INVALID_VALUE');
    expect(code({ kind: 'int', max: 10 }, '11')).toBe('INVALID_VALUE');
    expect(ok({ kind: 'money', min: 1 }, '520.5')).toEqual({ ok: true, value: 52050 });
    expect(ok({ kind: 'money' }, 520.25)).toEqual({ ok: true, value: 52025 });
    expect(code({ kind: 'money' }, '1.005')).toBe('INVALID_MONEY');
    expect(code({ kind: 'money', min: 1 }, '0')).toBe('INVALID_MONEY');
    expect(code({ kind: 'money', max: 100 }, '1.01')).toBe('INVALID_MONEY');
    expect(ok({ kind: 'date' }, '2020-02-29')).toEqual({ ok: true, value: '2020-02-29' });
    expect(code({ kind: 'date' }, '2019-02-29')).toBe('INVALID_DATE');
    expect(code({ kind: 'date' }, '2019/01/01')).toBe('INVALID_DATE');
    expect(code({ kind: 'date', notInFuture: true }, '2999-01-01')).toBe('INVALID_DATE');
    expect(code({ kind: 'date', min: '2013-01-01' }, '2012-12-31')).toBe('INVALID_DATE');
    expect(ok({ kind: 'boolean' }, 'Yes')).toEqual({ ok: true, value: true });
    expect(ok({ kind: 'boolean' }, false)).toEqual({ ok: true, value: false });
    expect(code({ kind: 'boolean' }, 'maybe')).toBe('INVALID_VALUE');
    expect(ok({ kind: 'enum', values: ['A', 'B'] }, 'B')).toEqual({ ok: true, value: 'B' });
    expect(code({ kind: 'enum', values: ['A', 'B'] }, 'b')).toBe('INVALID_VALUE');
    expect(ok({ kind: 'decimal', scale: 2, min: 5 }, '85.5')).toEqual({ ok: true, value: '85.5' });
    expect(code({ kind: 'decimal', scale: 2 }, '85.555')).toBe('INVALID_VALUE');
    expect(code({ kind: 'decimal', scale: 2, max: 10 }, '10.01')).toBe('INVALID_VALUE');
    expect(ok({ kind: 'householdId' }, '5001541012010001')).toEqual({ ok: true, value: '5001541012010001' });
    expect(code({ kind: 'householdId' }, '500154101201000')).toBe('INVALID_HOUSEHOLD_ID');
    expect(code({ kind: 'householdId' }, '500154101201' + '0000')).toBe('INVALID_HOUSEHOLD_ID');
    expect(ok({ kind: 'personId' }, '5001541012010001-02')).toEqual({ ok: true, value: '5001541012010001-02' });
    expect(code({ kind: 'personId' }, '500154101201000102')).toBe('INVALID_PERSON_ID');
    const resident = makeResidentId('500234', '1980-05-06', 12, 'MALE');
    expect(ok({ kind: 'residentId', resolvesTo: 'p' }, resident.toLowerCase())).toEqual({ ok: true, value: resident });
    const typo = resident.slice(0, 17) + (resident[17] === '0' ? '1' : '0');
    const checksum = ok({ kind: 'residentId', resolvesTo: 'p' }, typo);
    expect(checksum).toMatchObject({ ok: false, problem: { code: 'INVALID_RESIDENT_ID' } });
    // The reason never repeats the (personal) number.
    expect(JSON.stringify(checksum)).not.toContain(typo);
    expect(code({ kind: 'residentId', resolvesTo: 'p' }, '50023419801306001X')).toBe('INVALID_RESIDENT_ID');
    expect(ok({ kind: 'regionCode' }, '500154101201')).toEqual({ ok: true, value: '500154101201' });
    expect(code({ kind: 'regionCode' }, '990154101201')).toBe('INVALID_REGION_CODE');
    expect(code({ kind: 'regionCode' }, '500100001201')).toBe('INVALID_REGION_CODE');
    const list = { kind: 'personIdList' as const, min: 1, max: 2, storedIn: { table: 't', recordColumn: 'r', personColumn: 'p' } };
    expect(ok(list, '5001541012010001-01; 5001541012010001-02')).toEqual({ ok: true, value: ['5001541012010001-01', '5001541012010001-02'] });
    expect(ok(list, ['5001541012010001-01'])).toEqual({ ok: true, value: ['5001541012010001-01'] });
    expect(code(list, '5001541012010001-01;5001541012010001-01')).toBe('INVALID_VALUE');
    expect(code(list, '5001541012010001-01;x')).toBe('INVALID_PERSON_ID');
    expect(code(list, 'a-01;b-02;c-03'.replace(/[abc]/g, '5001541012010001'))).toBe('INVALID_VALUE');
  });

  it('an empty cell is missing: an error when required, null when optional', () => {
    expect(parseCell(col({ kind: 'int' }), '  ')).toMatchObject({ ok: false, problem: { code: 'MISSING_VALUE' } });
    expect(parseCell(col({ kind: 'int' }, false), '')).toEqual({ ok: true, value: null });
    expect(parseCell(col({ kind: 'int' }, false), null)).toEqual({ ok: true, value: null });
    expect(parseCell(col({ kind: 'int' }), { a: 1 } as never)).toMatchObject({ ok: false, problem: { code: 'INVALID_VALUE' } });
  });
});

// ---------------------------------------------------------------------------------------------
// The pipeline, on the civil-affairs database with a probe table and a poverty office register.
// ---------------------------------------------------------------------------------------------

const PROBE_KIND: ImportKind = {
  name: 'probe',
  description: 'A row of every column type.',
  table: 'import_probe',
  sampleFile: 'samples/probe.csv',
  columns: [
    { name: 'code', type: { kind: 'text', pattern: /^[A-Z0-9-]{3,20}$/ }, description: 'natural key' },
    { name: 'household_id', type: { kind: 'householdId' }, description: '' },
    { name: 'person_id', type: { kind: 'personId' }, required: false, description: '' },
    { name: 'resident_id', type: { kind: 'residentId', resolvesTo: 'resident_person_id' }, required: false, description: '' },
    { name: 'region_code', type: { kind: 'regionCode' }, required: false, description: '' },
    { name: 'amount', dbColumn: 'amount_fen', type: { kind: 'money', min: 0, max: 1_000_000 }, description: '' },
    { name: 'quantity', type: { kind: 'int', min: 0, max: 1000 }, required: false, description: '' },
    { name: 'area', type: { kind: 'decimal', scale: 2, min: 1, max: 999 }, required: false, description: '' },
    { name: 'on_date', type: { kind: 'date' }, description: '' },
    { name: 'until', dbColumn: 'until_date', type: { kind: 'date' }, required: false, description: '' },
    { name: 'flag', type: { kind: 'boolean' }, required: false, description: '' },
    { name: 'level', type: { kind: 'enum', values: ['LOW', 'HIGH'] }, description: '' },
    { name: 'members', type: { kind: 'personIdList', max: 10, storedIn: { table: 'import_probe_member', recordColumn: 'probe_id', personColumn: 'person_id', copy: { household_id: 'household_id' } } }, required: false, description: '' },
  ],
  naturalKey: ['code'],
  fixed: { source: 'file' },
  validateRow: (row) => (row.until !== null && (row.until as string) < (row.on_date as string) ? [{ column: 'until', code: 'INVALID_DATE', reason: 'until is before on_date' }] : []),
  computed: [{ dbColumn: 'amount_doubled_fen', type: 'bigint', value: (row) => (row.amount as number) * 2 }],
  recordId: { column: 'id', prefix: 'PR-', digits: 2 },
  checks: [
    {
      code: 'LEVEL_TAKEN',
      column: 'level',
      sql: `SELECT s.row_no, format('household %s already has a HIGH probe', s.household_id) AS reason
            FROM import_new s WHERE s.level = 'HIGH' AND EXISTS (SELECT 1 FROM import_probe t WHERE t.household_id = s.household_id AND t.level = 'HIGH')`,
    },
  ],
  afterWrite: [`UPDATE import_probe SET touched = true WHERE household_id IN (SELECT household_id FROM import_new)`],
};

const HEADER = PROBE_KIND.columns.map((c) => c.name).join(',');

const officerOf = (region = ''): Identity => ({ subject: 'test-officer', role: 'department_officer', department: 'civil-affairs', region });

describe('runImport', () => {
  let harness: DepartmentHarness;
  let households: HouseholdBundle[];
  let a: HouseholdBundle;
  let b: HouseholdBundle;
  let c: HouseholdBundle;

  const register = (identity: Identity) => new RegisterClient(harness.register.subgraph.url).forCaller(process.env.SUBGRAPH_SIGNING_SECRET!, identity, 'import-test');

  const run = (lines: string[], options: Partial<Parameters<typeof runImport>[0]> = {}, header = HEADER): Promise<ImportReport> => {
    const identity = options.identity ?? officerOf();
    return runImport({
      pool: harness.pool,
      department: 'civil-affairs',
      kind: PROBE_KIND,
      source: chunks([header, ...lines].join('\n') + '\n'),
      format: 'csv',
      identity,
      register: register(identity),
      ...options,
    });
  };

  const sql = async (text: string, params: unknown[] = []) => (await harness.pool.query(text, params)).rows;

  /** A CSV line in HEADER order. */
  const line = (v: Partial<Record<string, string>>) =>
    PROBE_KIND.columns.map((col) => {
      const value = v[col.name] ?? '';
      return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    }).join(',');

  const good = (code: string, h: HouseholdBundle, extra: Partial<Record<string, string>> = {}) =>
    line({ code, household_id: h.household.id, amount: '12.50', on_date: '2019-03-01', level: 'LOW', ...extra });

  beforeAll(async () => {
    harness = await startDepartmentHarness(civilAffairs, { households: 150 });
    households = harness.households.filter((h) => h.members.length >= 2);
    a = households[0];
    b = households.find((h) => h.village.code !== a.village.code && h.members.length >= 2)!;
    c = households.find((h) => h !== a && h !== b)!;
    await harness.pool.query(`
      CREATE TABLE import_probe (
        id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^PR-[0-9]{16}-[0-9]{2}$'),
        code text NOT NULL UNIQUE, household_id text COLLATE "C" NOT NULL, person_id text, resident_person_id text, region_code text,
        amount_fen bigint NOT NULL, amount_doubled_fen bigint NOT NULL, quantity smallint, area numeric(7,2), on_date date NOT NULL, until_date date,
        flag boolean, level text NOT NULL, source text NOT NULL, touched boolean NOT NULL DEFAULT false);
      CREATE TABLE import_probe_member (probe_id text NOT NULL REFERENCES import_probe(id), person_id text NOT NULL, household_id text NOT NULL)`);
  }, 180_000);

  afterAll(async () => {
    await harness?.stop();
  });

  beforeEach(async () => {
    await harness.pool.query('TRUNCATE import_probe, import_probe_member');
  });

  it('writes the good rows in one transaction and reports every bad one (row, column, code), in row order', async () => {
    const [a1, a2] = a.members;
    const report = await run([
      good('P-1', a, { person_id: a1.id, resident_id: a2.residentId, region_code: a.village.code, quantity: '3', area: '85.5', until: '2019-12-31', flag: 'yes', members: `${a1.id};${a2.id}` }),
      good('P-2', a, { amount: '1.005' }), // INVALID_MONEY
      good('P-3', b, { level: 'HIGH', quantity: '1001', on_date: '2019-02-30' }), // two cell problems
      good('P-4', b),
      good('P-5', a, { person_id: b.members[0].id }), // PERSON_NOT_IN_HOUSEHOLD
      good('P-6', a, { household_id: a.village.code + '9999' }), // NOT_IN_REGISTER
      good('P-4', c), // DUPLICATE_IN_FILE of row 4
      good('P-8', a, { until: '2018-01-01' }), // validateRow
      'too,few,cells',
    ]);
    expect(report).toMatchObject({ department: 'civil-affairs', kind: 'probe', rows: 9, written: 2, unchanged: 0, rejected: 7, committed: true, allOrNothing: false, dryRun: false, problemsTruncated: false });
    expect(report.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'amount', 'INVALID_MONEY'],
      [3, 'quantity', 'INVALID_VALUE'],
      [3, 'on_date', 'INVALID_DATE'],
      [5, 'person_id', 'PERSON_NOT_IN_HOUSEHOLD'],
      [6, 'household_id', 'NOT_IN_REGISTER'],
      [7, 'code', 'DUPLICATE_IN_FILE'],
      [8, 'until', 'INVALID_DATE'],
      [9, '', 'MALFORMED_ROW'],
    ]);
    expect(report.problems.find((p) => p.code === 'DUPLICATE_IN_FILE')!.reason).toMatch(/as row 4/);

    const rows = await sql('SELECT * FROM import_probe ORDER BY code');
    expect(rows).toEqual([
      expect.objectContaining({
        id: `PR-${a.household.id}-01`,
        code: 'P-1',
        household_id: a.household.id,
        person_id: a1.id,
        resident_person_id: a2.id, // the resident ID resolved through the register; the number itself is not stored
        region_code: a.village.code,
        amount_fen: 1250,
        amount_doubled_fen: 2500,
        quantity: 3,
        area: '85.50',
        flag: true,
        level: 'LOW',
        source: 'file',
        touched: true,
      }),
      expect.objectContaining({ id: `PR-${b.household.id}-01`, code: 'P-4', person_id: null, resident_person_id: null, flag: null }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(a2.residentId);
    expect(await sql('SELECT probe_id, person_id, household_id FROM import_probe_member ORDER BY person_id')).toEqual([
      { probe_id: `PR-${a.household.id}-01`, person_id: a1.id, household_id: a.household.id },
      { probe_id: `PR-${a.household.id}-01`, person_id: a2.id, household_id: a.household.id },
    ]);
    // One audit row for the batch, with its counts.
    const [audit] = await sql(`SELECT subject, role, action, operation, record FROM audit_event WHERE operation LIKE 'import probe%' ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({ subject: 'test-officer', role: 'department_officer', action: 'WRITE', operation: 'import probe (9 rows: 2 written, 0 unchanged, 7 rejected)', record: 'ImportProbe' });
  });

  it('a re-run of the same file changes nothing; a changed value is CONFLICTS_WITH_EXISTING on its column', async () => {
    const file = [good('R-1', a, { members: a.members[0].id, area: '85.5' }), good('R-2', b)];
    expect(await run(file)).toMatchObject({ written: 2, unchanged: 0, rejected: 0 });
    const before = await sql('SELECT id, code FROM import_probe ORDER BY id');
    // 85.50 in the table, 85.5 in the file: the same number.
    expect(await run(file)).toMatchObject({ rows: 2, written: 0, unchanged: 2, rejected: 0, committed: true });
    expect(await sql('SELECT id, code FROM import_probe ORDER BY id')).toEqual(before);

    const changed = await run([good('R-1', a, { members: a.members[0].id, area: '85.5', amount: '13.00' }), good('R-2', b, { members: b.members[0].id }), good('R-3', c)]);
    expect(changed).toMatchObject({ written: 1, unchanged: 0, rejected: 2 });
    expect(changed.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [1, 'amount', 'CONFLICTS_WITH_EXISTING'],
      [2, 'members', 'CONFLICTS_WITH_EXISTING'],
    ]);
    // The household's next number continues after the ones it has.
    expect(await sql(`SELECT id FROM import_probe WHERE code = 'R-3'`)).toEqual([{ id: `PR-${c.household.id}-01` }]);
    expect((await run([good('R-4', a)])).written).toBe(1);
    expect(await sql(`SELECT id FROM import_probe WHERE code = 'R-4'`)).toEqual([{ id: `PR-${a.household.id}-02` }]);
  });

  it("runs the kind's own checks on the rows to be written", async () => {
    await run([good('K-1', a, { level: 'HIGH' })]);
    const report = await run([good('K-2', a, { level: 'HIGH' }), good('K-3', b, { level: 'HIGH' })]);
    expect(report.problems).toEqual([{ row: 1, column: 'level', code: 'LEVEL_TAKEN', reason: `household ${a.household.id} already has a HIGH probe` }]);
    expect(report.written).toBe(1);
  });

  it('--all-or-nothing: one bad row and nothing is written', async () => {
    const report = await run([good('A-1', a), good('A-2', b, { amount: '-1' })], { allOrNothing: true });
    expect(report).toMatchObject({ rows: 2, written: 0, rejected: 1, committed: false, allOrNothing: true });
    expect(report.problems[0]).toMatchObject({ row: 2, column: 'amount', code: 'INVALID_MONEY' });
    expect(await sql('SELECT count(*)::int AS n FROM import_probe')).toEqual([{ n: 0 }]);
    expect(await run([good('A-1', a), good('A-2', b)], { allOrNothing: true })).toMatchObject({ written: 2, committed: true });
  });

  it('a dry run checks everything and writes nothing', async () => {
    const report = await run([good('D-1', a), good('D-2', b, { level: 'nope' })], { dryRun: true });
    expect(report).toMatchObject({ rows: 2, written: 1, rejected: 1, committed: false, dryRun: true });
    expect(await sql('SELECT count(*)::int AS n FROM import_probe')).toEqual([{ n: 0 }]);
  });

  it('rejects rows outside the officer’s region as OUT_OF_SCOPE and resident IDs it may not resolve as NOT_IN_REGISTER', async () => {
    const village = a.village.code;
    const identity = officerOf(village);
    const report = await run(
      [good('S-1', a), good('S-2', b), good('S-3', a, { members: `${a.members[0].id};${b.members[0].id}` }), good('S-4', a, { resident_id: b.members[0].residentId })],
      { identity },
    );
    expect(report.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'household_id', 'OUT_OF_SCOPE'],
      [3, 'members', 'OUT_OF_SCOPE'],
      [4, 'resident_id', 'NOT_IN_REGISTER'],
    ]);
    expect(report.problems[0].reason).toContain(`outside your region (${village})`);
    expect(report.written).toBe(1);
    const unknown = makeResidentId('500234', '1970-01-01', 998, 'FEMALE');
    const second = await run([good('S-5', a, { resident_id: unknown })]);
    expect(second.problems).toEqual([expect.objectContaining({ row: 1, column: 'resident_id', code: 'NOT_IN_REGISTER' })]);
  });

  it('only the department’s own officers import', async () => {
    await expect(run([good('F-1', a)], { identity: { subject: 'x', role: 'analyst', region: '' } })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(run([good('F-1', a)], { identity: { subject: 'x', role: 'department_officer', department: 'finance', region: '' } })).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN', reason: 'WRONG_DEPARTMENT' },
    });
  });

  it('refuses a file whose header does not fit, writing nothing', async () => {
    const without = HEADER.replace('amount,', '');
    await expect(run([], {}, without)).rejects.toMatchObject({ extensions: { code: 'MISSING_COLUMNS', missing: ['amount'] } });
    await expect(run([good('H-1', a) + ',x'], {}, `${HEADER},amout`)).rejects.toMatchObject({ extensions: { code: 'UNKNOWN_COLUMNS', unknown: ['amout'] } });
    await expect(run([], {}, `${HEADER},code`)).rejects.toMatchObject({ extensions: { code: 'DUPLICATE_COLUMNS' } });
    await expect(runImport({ pool: harness.pool, department: 'civil-affairs', kind: PROBE_KIND, source: chunks(''), format: 'csv', identity: officerOf(), register: register(officerOf()) })).rejects.toMatchObject({
      extensions: { code: 'EMPTY_FILE' },
    });
    expect(await sql('SELECT count(*)::int AS n FROM import_probe')).toEqual([{ n: 0 }]);
  });

  it('optional columns may be left out of the header', async () => {
    const required = PROBE_KIND.columns.filter((c) => c.required !== false).map((c) => c.name);
    const values: Record<string, string> = { code: 'O-1', household_id: a.household.id, amount: '1', on_date: '2019-01-01', level: 'HIGH' };
    const report = await run([required.map((n) => values[n]).join(',')], {}, required.join(','));
    expect(report).toMatchObject({ written: 1, rejected: 0 });
  });

  it('reads JSON Lines the same way', async () => {
    const identity = officerOf();
    const lines = [
      JSON.stringify({ code: 'J-1', household_id: a.household.id, amount: 12.5, on_date: '2019-03-01', level: 'LOW', flag: false, quantity: 2, members: [a.members[0].id] }),
      JSON.stringify({ code: 'J-2', household_id: a.household.id, amount: '1', on_date: '2019-03-01', level: 'LOW', colour: 'red' }),
      '{"code": "J-3",',
    ];
    const report = await runImport({ pool: harness.pool, department: 'civil-affairs', kind: PROBE_KIND, source: chunks(lines.join('\n')), format: 'jsonl', identity, register: register(identity) });
    expect(report).toMatchObject({ rows: 3, written: 1, rejected: 2 });
    expect(report.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'colour', 'UNKNOWN_COLUMN'],
      [3, '', 'MALFORMED_ROW'],
    ]);
    expect(await sql(`SELECT amount_fen, flag, quantity FROM import_probe`)).toEqual([{ amount_fen: 1250, flag: false, quantity: 2 }]);
  });

  it('keeps the first 1,000 problems in the report and counts the rest; onProblems gets them all, in row order', async () => {
    const bad = Array.from({ length: 2500 }, (_, i) => good(`B-${i}`, a, { amount: 'x' }));
    const streamed: ImportProblem[] = [];
    const report = await run([...bad, good('B-OK', a)], { onProblems: (page) => void streamed.push(...page) });
    expect(report).toMatchObject({ rows: 2501, written: 1, rejected: 2500, problemsTruncated: true });
    expect(report.problems).toHaveLength(1000);
    expect(report.problems[999].row).toBe(1000);
    expect(streamed).toHaveLength(2500);
    expect(streamed.map((p) => p.row)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
  });

  it('reports progress by phase with rows per second', async () => {
    const seen: string[] = [];
    await run([good('G-1', a)], { onProgress: (p) => seen.push(p.phase) });
    expect(seen).toEqual(expect.arrayContaining(['reading', 'checking', 'writing', 'done']));
  });

  it('rejects rows past the highest record number of a household (NO_NUMBERS_LEFT) instead of failing the INSERT', async () => {
    const kind = { ...PROBE_KIND, recordId: { ...PROBE_KIND.recordId!, max: 2 } };
    const report = await run([good('N-1', a), good('N-2', b), good('N-3', a), good('N-4', a)], { kind });
    expect(report.problems).toEqual([{ row: 4, column: 'household_id', code: 'NO_NUMBERS_LEFT', reason: `household ${a.household.id} has no import_probe record numbers left (the highest is 2)` }]);
    expect(await sql(`SELECT id FROM import_probe WHERE household_id = $1 ORDER BY id`, [a.household.id])).toEqual([{ id: `PR-${a.household.id}-01` }, { id: `PR-${a.household.id}-02` }]);
  });

  it('localRegister: the register’s tables in the import’s own schema are asked in SQL, within the caller’s region', async () => {
    await harness.pool.query(`
      CREATE TABLE household (id text COLLATE "C" PRIMARY KEY);
      CREATE TABLE person (id text COLLATE "C" PRIMARY KEY, household_id text COLLATE "C" NOT NULL, resident_id text NOT NULL, birth_date date NOT NULL, sex text NOT NULL)`);
    try {
      for (const h of [a, b]) {
        await harness.pool.query('INSERT INTO household VALUES ($1)', [h.household.id]);
        for (const m of h.members) await harness.pool.query('INSERT INTO person VALUES ($1, $2, $3, $4, $5)', [m.id, h.household.id, m.residentId, m.birthDate, m.sex]);
      }
      const kind = { ...PROBE_KIND, localRegister: true };
      // A register that cannot be reached: the local tables must be the ones asked.
      const unreachable = new RegisterClient('http://127.0.0.1:9/graphql', 200);
      const report = await run(
        [good('L-1', a, { resident_id: a.members[1].residentId, members: a.members[0].id }), good('L-2', c), good('L-3', a, { person_id: b.members[0].id }), good('L-4', b, { resident_id: a.members[0].residentId })],
        { kind, register: unreachable, identity: officerOf(a.village.code) },
      );
      expect(report.problems.map((p) => [p.row, p.column, p.code])).toEqual([
        [2, 'household_id', c.village.code === a.village.code ? 'NOT_IN_REGISTER' : 'OUT_OF_SCOPE'],
        [3, 'person_id', b.village.code === a.village.code ? 'PERSON_NOT_IN_HOUSEHOLD' : 'OUT_OF_SCOPE'],
        [4, 'household_id', 'OUT_OF_SCOPE'],
      ]);
      expect(await sql(`SELECT code, resident_person_id FROM import_probe`)).toEqual([{ code: 'L-1', resident_person_id: a.members[1].id }]);
    } finally {
      await harness.pool.query('DROP TABLE household, person');
    }
  });

  it('rolls back when beforeWrite refuses (the transport’s body hash check)', async () => {
    await expect(run([good('W-1', a)], { beforeWrite: () => Promise.reject(new Error('body changed')) })).rejects.toThrow('body changed');
    expect(await sql('SELECT count(*)::int AS n FROM import_probe')).toEqual([{ n: 0 }]);
  });
});
