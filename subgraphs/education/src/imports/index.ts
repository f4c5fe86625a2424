import type { ImportKind } from '@saf/kit';
import { enrolments } from './enrolments';

/** Batch files the education department's systems deliver (`npm run import -- --department education`). */
export const EDUCATION_IMPORTS: readonly ImportKind[] = [enrolments];

export { enrolments };
