import { RegionLevel, isValidRegionCode, regionLevel } from './regionCode';

/** Household ID: the 12-digit village code followed by a 4-digit sequence. DESIGN.md §4. */
export function isValidHouseholdId(id: string): boolean {
  if (!/^[0-9]{16}$/.test(id)) return false;
  const village = id.slice(0, 12);
  return isValidRegionCode(village) && regionLevel(village) === RegionLevel.VILLAGE && id.slice(12) !== '0000';
}

export function makeHouseholdId(villageCode: string, sequence: number): string {
  return `${villageCode}${String(sequence).padStart(4, '0')}`;
}

export function householdVillage(householdId: string): string {
  return householdId.slice(0, 12);
}

/**
 * Person ID: the household ID at registration, a dash and a two-digit member number. It stays
 * with the person if they later move, and cannot be mistaken for a resident ID number.
 */
export function isValidPersonId(id: string): boolean {
  const match = /^([0-9]{16})-([0-9]{2})$/.exec(id);
  return match !== null && isValidHouseholdId(match[1]) && match[2] !== '00';
}

export function makePersonId(householdId: string, memberNumber: number): string {
  return `${householdId}-${String(memberNumber).padStart(2, '0')}`;
}

export function personHousehold(personId: string): string {
  return personId.slice(0, 16);
}
