// npm run seed -- --size small|medium|large|<users> [--name 公司名] [--password …]
// Generates a company into the database the app uses (DATABASE_URL, or the embedded one in DATA_DIR).
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../db/database';
import { openAppDatabaseUrl } from '../db/app-database';
import { generateOrganisation, type OrganisationSize } from './generate-organisation';

const SIZES: Record<string, OrganisationSize> = {
  small: { users: 20, depth: 3, fanOut: 2 },
  medium: { users: 200, depth: 5, fanOut: 2 },
  large: { users: 2000, depth: 5, fanOut: 3 },
};

const { values } = parseArgs({ options: { size: { type: 'string', default: 'small' }, name: { type: 'string' }, password: { type: 'string' } } });
const size = SIZES[values.size!] ?? { users: Number(values.size), depth: 5, fanOut: 3 };
if (!Number.isInteger(size.users) || size.users < 1) {
  console.error(`--size must be small, medium, large or a number of users (got ${values.size})`);
  process.exit(2);
}
const { url, stop } = await openAppDatabaseUrl();
const database = openDatabase(url);
try {
  const password = values.password ?? `Yx-${randomBytes(6).toString('base64url')}7`;
  const suffix = randomBytes(2).toString('hex');
  const started = performance.now();
  const result = await generateOrganisation(database.db, {
    ...size, name: values.name ?? `生成公司${suffix}`, password, loginPrefix: `g${suffix}_`,
  });
  console.log(`Generated ${result.userCount} users in ${result.departmentCount} departments in ${Math.round(performance.now() - started)} ms.`);
  console.log(`Sign in as ${result.adminLogin} (admin), ${result.sampleLogins.manager} (manager), ${result.sampleLogins.rep} (rep) with password ${password}`);
} finally {
  await database.close();
  await stop();
}
