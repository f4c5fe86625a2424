import { caseworker, identityOf } from '../support/auth';
import { iterateHouseholds } from '@saf/poverty-office';
import { RegisterClient } from '@saf/kit';
import { describeSubgraphCompatibility } from '../support/federationCompatibility';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { testDibaoDepartment } from '../support/testSubgraph';

/** The department harness itself: a register of generated households next to a department. */
let h: DepartmentHarness;
beforeAll(async () => {
  h = await startDepartmentHarness(testDibaoDepartment, {
    households: 50,
    load: async (pool) => {
      await pool.query(`INSERT INTO dibao SELECT id, 30000 FROM unnest($1::text[]) AS id`, [h0().slice(0, 5)]);
    },
  });
});
afterAll(() => h?.stop());

// The generated households, known before the harness starts (the same size and seed).
const h0 = () => [...iterateHouseholds(50, 1)].map((b) => b.household.id);

it('holds the generated households in the register and checks them', async () => {
  expect(h.households).toHaveLength(50);
  const client = new RegisterClient(h.register.subgraph.url).forCaller(process.env.SUBGRAPH_SIGNING_SECRET!, identityOf(caseworker()), 'harness-test');
  const ids = h.households.slice(0, 3).map((b) => b.household.id);
  expect([...(await client.existingHouseholds([...ids, '5001541012990001']))].sort()).toEqual([...ids].sort());
  await expect(client.assertHouseholdsExist(['5001541012990001'])).rejects.toMatchObject({ extensions: { code: 'NOT_IN_REGISTER' } });
  const person = h.households[0].members[1];
  await expect(client.assertPersonsExist([{ personId: person.id, householdId: h.households[1].household.id }])).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
});

describeSubgraphCompatibility('test-dibao', () => h.department.url, [
  {
    typename: 'Household',
    selection: '... on Household { dibaoMonthly }',
    known: () => h.households.slice(0, 10).map((b) => ({ id: b.household.id })),
    unknown: { id: '5001541012990001' },
    unknownIsNull: false,
  },
]);
