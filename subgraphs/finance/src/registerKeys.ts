import { defineRegisterKeys } from '@saf/kit';

/**
 * Finance's own key-only Household and Person types (the register's entities, extended with
 * finance's fields). Its own classes, so that finance's field resolvers never reach another
 * department's schema when several departments are loaded in one process.
 */
export const { HouseholdKey, PersonKey } = defineRegisterKeys();
export type { RegisterKey } from '@saf/kit';
