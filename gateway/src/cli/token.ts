import { parseArgs } from 'node:util';
import { identityFromClaims } from '@saf/kit';
import { DEV_SECRETS_PATH, loadOrCreateDevSecrets, mintToken } from '../auth/devSecrets';

const USAGE = `Usage: npm run token -- --role <role> [--region <prefix>] [--department <name>] [--sub <who>] [--ttl <hours>]

Mints a development token (HS256) with AUTH_JWT_SECRET, or the secret \`npm start\` keeps in
.data/dev-secrets.json. Roles: department_officer (needs --department), caseworker, analyst,
dashboard, admin. --region is a region code prefix (2, 4, 6, 9 or 12 digits); without it the
token covers the whole country. Use it as "Authorization: Bearer <token>".

Example: npm run token -- --role analyst --region 360729`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { role: { type: 'string' }, region: { type: 'string' }, department: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.role) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const claims = { role: values.role, region: values.region, department: values.department, sub: values.sub };
  try {
    identityFromClaims(claims); // the same check the gateway makes
  } catch (error) {
    console.error(`Cannot mint that token: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const hours = Number(values.ttl ?? 12);
  if (!(hours > 0)) {
    console.error('--ttl must be a positive number of hours');
    return 2;
  }
  const secret = process.env.AUTH_JWT_SECRET || loadOrCreateDevSecrets().jwtSecret;
  process.stdout.write(`${await mintToken(secret, claims, Math.round(hours * 3600))}\n`);
  if (!process.env.AUTH_JWT_SECRET) console.error(`(signed with the development secret in ${DEV_SECRETS_PATH})`);
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
