import type { ImportKind } from '@saf/kit';
import { appraisals } from './appraisals';

/** Batch files the housing department's systems deliver (`npm run import -- --department housing`). */
export const HOUSING_IMPORTS: readonly ImportKind[] = [appraisals];

export { appraisals };
