import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { runIdempotent, SubgraphContext } from '@saf/kit';
import { AcceptanceResult } from '../codes';
import { DwellingAppraisal, RelocationHousing, RenovationProject } from './entities';
import {
  AcceptRenovationInput,
  AllocateRelocationHousingInput,
  ApproveRenovationInput,
  CompleteRenovationInput,
  DwellingAppraisalPayload,
  OldHouseDemolitionInput,
  RecordDwellingAppraisalInput,
  RelocationHandoverInput,
  RelocationHousingPayload,
  RelocationMoveInInput,
  RenovationMoveInInput,
  RenovationProjectPayload,
  StartRenovationInput,
} from './inputs';
import {
  invalid,
  validateAllocation,
  validateAppraisal,
  validateApproval,
  validateArea,
  validatePastDate,
  validateRecordId,
  validateText,
} from './validation';
import * as writes from './writes';

const KEY_DESCRIPTION = 'A client-chosen key (8–200 characters). Repeating a request with the same key returns the first result without writing again.';

/**
 * The housing system's writes: validated, checked against the register, one transaction each,
 * idempotent on the client's key, each recording its change events. The payload is read back
 * after the commit, so a replay shows the record as it is now.
 */
@Resolver()
export class HousingMutationResolver {
  @Mutation(() => DwellingAppraisalPayload, { description: 'Records a dwelling safety appraisal (农村危房鉴定); the latest appraisal becomes the household\'s dwelling rating.' })
  async recordDwellingAppraisal(
    @Arg('input', () => RecordDwellingAppraisalInput) input: RecordDwellingAppraisalInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DwellingAppraisalPayload> {
    validateAppraisal(input);
    await ctx.register.assertHouseholdsExist([input.householdId], 'input.householdId');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'recordDwellingAppraisal', input }, (tx) => writes.recordDwellingAppraisal(tx, input));
    return { appraisal: await reload(ctx, DwellingAppraisal, result), replayed };
  }

  @Mutation(() => RenovationProjectPayload, { description: 'Approves the renovation of a C/D dwelling (危房改造立项) on its latest appraisal.' })
  async approveRenovation(
    @Arg('input', () => ApproveRenovationInput) input: ApproveRenovationInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RenovationProjectPayload> {
    validateApproval(input);
    await ctx.register.assertHouseholdsExist([input.householdId], 'input.householdId');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'approveRenovation', input }, (tx) => writes.approveRenovation(tx, input));
    return { renovation: await reload(ctx, RenovationProject, result), replayed };
  }

  @Mutation(() => RenovationProjectPayload, { description: 'Records the start of works (开工) of an approved project.' })
  async startRenovation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => StartRenovationInput) input: StartRenovationInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RenovationProjectPayload> {
    validateRecordId(id, 'R', 'id');
    validatePastDate(input.startDate, 'input.startDate');
    return this.lifecycle(ctx, key, 'startRenovation', id, input, (tx) => writes.startRenovation(tx, id, input));
  }

  @Mutation(() => RenovationProjectPayload, { description: 'Records the completion of works (竣工) of a started project.' })
  async completeRenovation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CompleteRenovationInput) input: CompleteRenovationInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RenovationProjectPayload> {
    validateRecordId(id, 'R', 'id');
    validatePastDate(input.completionDate, 'input.completionDate');
    if (input.floorArea !== undefined && input.floorArea !== null) validateArea(input.floorArea, 'input.floorArea');
    return this.lifecycle(ctx, key, 'completeRenovation', id, input, (tx) => writes.completeRenovation(tx, id, input));
  }

  @Mutation(() => RenovationProjectPayload, {
    description: 'Records the acceptance inspection (竣工验收) of a completed project: PASSED makes the dwelling safe; FAILED sends it back for rectification and a later re-inspection.',
  })
  async acceptRenovation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AcceptRenovationInput) input: AcceptRenovationInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RenovationProjectPayload> {
    validateRecordId(id, 'R', 'id');
    validatePastDate(input.acceptanceDate, 'input.acceptanceDate');
    if (input.note !== undefined && input.note !== null) validateText(input.note, 'input.note', 500, false);
    if (input.result === AcceptanceResult.FAILED && !input.note?.trim()) invalid('input.note', 'a failed inspection needs a note saying what to rectify (整改)');
    return this.lifecycle(ctx, key, 'acceptRenovation', id, input, (tx) => writes.acceptRenovation(tx, id, input));
  }

  @Mutation(() => RenovationProjectPayload, { description: 'Records that the household moved into its renovated dwelling (入住).' })
  async recordRenovationMoveIn(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RenovationMoveInInput) input: RenovationMoveInInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RenovationProjectPayload> {
    validateRecordId(id, 'R', 'id');
    validatePastDate(input.moveInDate, 'input.moveInDate');
    return this.lifecycle(ctx, key, 'recordRenovationMoveIn', id, input, (tx) => writes.recordRenovationMoveIn(tx, id, input));
  }

  @Mutation(() => RelocationHousingPayload, { description: 'Allocates resettlement housing to a relocated household and its relocated members (易地扶贫搬迁).' })
  async allocateRelocationHousing(
    @Arg('input', () => AllocateRelocationHousingInput) input: AllocateRelocationHousingInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RelocationHousingPayload> {
    validateAllocation(input);
    await ctx.register.assertHouseholdsExist([input.householdId], 'input.householdId');
    await ctx.register.assertPersonsExist(input.personIds.map((personId) => ({ personId, householdId: input.householdId })), 'input.personIds');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'allocateRelocationHousing', input }, (tx) => writes.allocateRelocationHousing(tx, input));
    return { relocation: await reload(ctx, RelocationHousing, result), replayed };
  }

  @Mutation(() => RelocationHousingPayload, { description: 'Records the handover of the resettlement housing (交房).' })
  async handOverRelocationHousing(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RelocationHandoverInput) input: RelocationHandoverInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RelocationHousingPayload> {
    validateRecordId(id, 'S', 'id');
    validatePastDate(input.handoverDate, 'input.handoverDate');
    return this.relocationLifecycle(ctx, key, 'handOverRelocationHousing', id, input, (tx) => writes.handOverRelocationHousing(tx, id, input));
  }

  @Mutation(() => RelocationHousingPayload, { description: 'Records that the household moved into its resettlement housing (入住); from then its housing is safe.' })
  async recordRelocationMoveIn(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RelocationMoveInInput) input: RelocationMoveInInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RelocationHousingPayload> {
    validateRecordId(id, 'S', 'id');
    validatePastDate(input.moveInDate, 'input.moveInDate');
    return this.relocationLifecycle(ctx, key, 'recordRelocationMoveIn', id, input, (tx) => writes.recordRelocationMoveIn(tx, id, input));
  }

  @Mutation(() => RelocationHousingPayload, { description: 'Records the demolition of the old house after moving (旧房拆除) and whether its homestead was reclaimed (复垦).' })
  async recordOldHouseDemolition(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => OldHouseDemolitionInput) input: OldHouseDemolitionInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RelocationHousingPayload> {
    validateRecordId(id, 'S', 'id');
    validatePastDate(input.demolitionDate, 'input.demolitionDate');
    return this.relocationLifecycle(ctx, key, 'recordOldHouseDemolition', id, input, (tx) => writes.recordOldHouseDemolition(tx, id, input));
  }

  private async lifecycle(
    ctx: SubgraphContext, key: string, operation: string, id: string, input: object, write: Parameters<typeof runIdempotent<void>>[2],
  ): Promise<RenovationProjectPayload> {
    const { replayed } = await runIdempotent(ctx, { key, operation, input: { id, input } }, write);
    return { renovation: await reload(ctx, RenovationProject, id), replayed };
  }

  private async relocationLifecycle(
    ctx: SubgraphContext, key: string, operation: string, id: string, input: object, write: Parameters<typeof runIdempotent<void>>[2],
  ): Promise<RelocationHousingPayload> {
    const { replayed } = await runIdempotent(ctx, { key, operation, input: { id, input } }, write);
    return { relocation: await reload(ctx, RelocationHousing, id), replayed };
  }
}

async function reload<T extends object>(ctx: SubgraphContext, entity: new () => T, id: string): Promise<T> {
  return ctx.db.getRepository(entity).findOneByOrFail({ id } as never);
}
