import { runDepartmentMain } from '@saf/kit';
import { povertyOffice } from './index';
import { loadDemoRegister } from './demoData';

runDepartmentMain({ ...povertyOffice, onFreshDatabase: loadDemoRegister });
