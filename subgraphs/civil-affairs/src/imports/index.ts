import { dibaoImport } from './dibao';

/** The batch files civil affairs' systems deliver (`npm run import -- --department civil-affairs`). */
export const CIVIL_AFFAIRS_IMPORTS = [dibaoImport];

export { dibaoImport };
