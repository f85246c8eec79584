import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app';
import { configFromEnv, type Config } from '../../src/config';
import type { Database } from '../../src/db/database';
import { createTenant } from '../../src/platform/org/tenants';
import { createUser } from '../../src/platform/org/users';
import { createTestDatabase } from './db';

export const TEST_PASSWORD = 'Passw0rd-test';
export const TEST_ORIGIN = 'http://localhost:3000';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** The real app over a fresh database, served through inject (no port) unless listen() is called. */
export async function startTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: Config = { ...configFromEnv({}), publicUrl: TEST_ORIGIN, webDist: null, logLevel: process.env.YIXIAO_TEST_LOG ?? 'silent', ...overrides };
  const app = await buildApp({ database, config }, { logger: Boolean(process.env.YIXIAO_TEST_LOG) });
  await app.ready();
  return {
    app, database, config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

const unique = () => randomBytes(4).toString('hex');

/** A company of its own for one test: admin, a rep and a manager above the rep. */
export async function createCompany(t: TestApp, name = `测试公司${unique()}`) {
  const suffix = unique();
  const db = t.database.db;
  return db.transaction().execute(async (tx) => {
    const tenant = await createTenant(tx, { name, admin: { login: `admin_${suffix}`, name: '管理员', password: TEST_PASSWORD } });
    const sales = await tx.insertInto('departments')
      .values({ tenant_id: tenant.tenantId, parent_id: tenant.rootDepartmentId, name: '销售部', code: `S${suffix}`, head_user_id: null })
      .returning('id').executeTakeFirstOrThrow();
    const manager = await createUser(tx, tenant.tenantId, {
      login: `manager_${suffix}`, name: '王经理', password: TEST_PASSWORD, departmentId: sales.id, roleIds: [tenant.roles.manager],
    });
    const rep = await createUser(tx, tenant.tenantId, {
      login: `rep_${suffix}`, name: '张三', password: TEST_PASSWORD, departmentId: sales.id, superiorId: manager.id, roleIds: [tenant.roles.rep],
    });
    return {
      ...tenant,
      salesDepartmentId: sales.id,
      logins: { admin: `admin_${suffix}`, manager: `manager_${suffix}`, rep: `rep_${suffix}` },
      userIds: { admin: tenant.adminId, manager: manager.id, rep: rep.id },
    };
  });
}

export interface Client {
  csrfToken: string;
  cookie: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** Signs in through the real login endpoint and answers a client that sends the cookie and CSRF token like a browser. */
export async function signIn(t: TestApp, login: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password }, headers: { origin: TEST_ORIGIN } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'yx_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = res.json().csrfToken as string;
  const client: Client = {
    csrfToken,
    cookie: `yx_session=${cookie.value}`,
    request: (method, url, body, headers = {}) =>
      t.app.inject({
        method: method as 'GET',
        url,
        payload: body === undefined ? undefined : (body as object),
        headers: { cookie: client.cookie, 'x-csrf-token': csrfToken, origin: TEST_ORIGIN, ...headers },
      }),
    get: (url) => client.request('GET', url),
    post: (url, body) => client.request('POST', url, body ?? {}),
    patch: (url, body) => client.request('PATCH', url, body ?? {}),
    put: (url, body) => client.request('PUT', url, body ?? {}),
    delete: (url) => client.request('DELETE', url),
  };
  return client;
}

export interface ApiClient extends Omit<Client, 'csrfToken' | 'cookie'> {
  /** POSTs and answers the JSON of the 201 that makes something (a record, a category …); any other answer throws with its body. */
  create<T extends { id: string } = { id: string }>(url: string, body?: unknown): Promise<T>;
}

/**
 * A client that authenticates with a bearer token from POST /auth/token, the way an integration
 * does. Browser tests use it for their setup: their app has a public URL, so cookie clients from
 * another origin are refused.
 */
export async function apiAs(t: TestApp, login: string, password = TEST_PASSWORD): Promise<ApiClient> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`token for ${login} failed: ${res.statusCode} ${res.body}`);
  const authorization = `Bearer ${res.json().token as string}`;
  const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: method as 'GET', url, payload: body === undefined ? undefined : (body as object), headers: { authorization, ...headers } });
  return {
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    put: (url, body) => request('PUT', url, body ?? {}),
    delete: (url) => request('DELETE', url),
    async create<T extends { id: string }>(url: string, body?: unknown) {
      const made = await request('POST', url, body ?? {});
      if (made.statusCode !== 201) throw new Error(`POST ${url} answered ${made.statusCode}: ${made.body}`);
      return made.json() as T;
    },
  };
}
