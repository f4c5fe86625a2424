import { runDepartmentMain } from '@saf/kit';
import { finance } from './index';

// Loads the demo county into an empty database on first start (the definition's syntheticData).
runDepartmentMain(finance);
