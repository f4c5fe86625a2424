import type { ImportKind } from '@saf/kit';
import { incomes } from './incomes';

/** Batch files the poverty office's systems deliver (`npm run import -- --department poverty-office`). */
export const POVERTY_OFFICE_IMPORTS: readonly ImportKind[] = [incomes];

export { incomes };
