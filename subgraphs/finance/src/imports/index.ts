import { paymentsImport } from './payments';

/** The batch files finance's systems deliver (`npm run import -- --department finance`). */
export const FINANCE_IMPORTS = [paymentsImport];

export { paymentsImport };
