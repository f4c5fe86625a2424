import type { DepartmentDefinition } from '@saf/kit';
import { civilAffairs } from '@saf/civil-affairs';
import { education } from '@saf/education';
import { finance } from '@saf/finance';
import { health } from '@saf/health';
import { housing } from '@saf/housing';
import { povertyOffice } from '@saf/poverty-office';

/** Every department subgraph of gateway/subgraphs.json, by name, the register first. */
export const DEPARTMENTS: Record<string, DepartmentDefinition> = {
  'poverty-office': povertyOffice,
  education,
  health,
  'civil-affairs': civilAffairs,
  housing,
  finance,
};
