import { runDepartmentMain } from '@saf/kit';
import { education } from './index';

runDepartmentMain(education);
