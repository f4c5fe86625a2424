import { defineRegisterKeys } from '@saf/kit';

/** This department's key-only Household and Person (the register's entities), extended by its field resolvers. */
export const { HouseholdKey, PersonKey } = defineRegisterKeys();
export type HouseholdKey = InstanceType<typeof HouseholdKey>;
export type PersonKey = InstanceType<typeof PersonKey>;
