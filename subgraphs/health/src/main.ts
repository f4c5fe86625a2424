import { runDepartmentMain } from '@saf/kit';
import { health } from './index';

runDepartmentMain(health);
