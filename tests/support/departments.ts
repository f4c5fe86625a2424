import type { DepartmentDefinition } from '@saf/kit';
import { povertyOffice } from '@saf/poverty-office';
import { education } from '@saf/education';
import { health } from '@saf/health';
import { housing } from '@saf/housing';

/** Every department subgraph of gateway/subgraphs.json, by name. */
export const DEPARTMENTS: Record<string, DepartmentDefinition> = {
  'poverty-office': povertyOffice,
  education,
  health,
  housing,
};
