// A real server process for the import robustness test (dataio-import-processes.test.ts): the app
// over CHILD_DATABASE_URL on a free port, printing the port; the test kills it with SIGKILL.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app';
import { configFromEnv } from '../src/config';
import { openDatabase } from '../src/db/database';

const database = openDatabase(process.env.CHILD_DATABASE_URL!);
const app = await buildApp({ database, config: { ...configFromEnv({}), publicUrl: 'http://localhost:3000', webDist: null, logLevel: 'silent' } }, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${(app.server.address() as AddressInfo).port}\n`);
