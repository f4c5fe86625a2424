import { runDepartmentMain } from '@saf/kit';
import { povertyOffice } from './index';

runDepartmentMain(povertyOffice);
