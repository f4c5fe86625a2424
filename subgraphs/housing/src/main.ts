import { runDepartmentMain } from '@saf/kit';
import { housing } from './index';

runDepartmentMain(housing);
