import { runDepartmentMain } from '@saf/kit';
import { civilAffairs } from './index';

/** Serves the subgraph; on a first start with an empty database the kit loads the demo county (syntheticData). */
runDepartmentMain(civilAffairs);
