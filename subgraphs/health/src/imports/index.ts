import type { ImportKind } from '@saf/kit';
import { insurance } from './insurance';
import { settlements } from './settlements';

/** Batch files the health department's systems deliver (`npm run import -- --department health`). */
export const HEALTH_IMPORTS: readonly ImportKind[] = [insurance, settlements];

export { insurance, settlements };
