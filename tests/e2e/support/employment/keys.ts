import { defineAssistanceKeys, defineRegisterKeys } from '@saf/kit';

/** This department's key-only Household and Person, extended by its field resolvers. */
export const { HouseholdKey, PersonKey } = defineRegisterKeys();
export type HouseholdKey = InstanceType<typeof HouseholdKey>;
export type PersonKey = InstanceType<typeof PersonKey>;

/** The sector view's entities; the verdict needs the register's members (who is of working age). */
export const { AreaAssistanceKey } = defineAssistanceKeys({ externalMembers: true });
export type AreaAssistanceKey = InstanceType<typeof AreaAssistanceKey>;
