import assert from 'node:assert/strict';
import type { ImportJob } from '@yixiao/core';
import type { LightMyRequestResponse } from 'fastify';
import { TEST_ORIGIN, type Client, type TestApp } from './support/app';

/** A CSV body: cells quoted where needed, CRLF line ends as Excel writes them. */
export function csv(rows: string[][]): Buffer {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return Buffer.from(rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n', 'utf8');
}

/** Uploads a file to /api/v1/<object>/import the way the import dialog does: fields first, then the file. */
export async function upload(t: TestApp, client: Client, object: string, fileName: string, data: Buffer, fields: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ encoding: 'utf-8', mode: 'skip', target: 'records', ...fields })) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(data)]), fileName);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return t.app.inject({
    method: 'POST', url: `/api/v1/${object}/import`, payload: Buffer.from(await request.arrayBuffer()),
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, origin: TEST_ORIGIN, 'content-type': request.headers.get('content-type')! },
  });
}

const FINISHED = new Set(['done', 'failed', 'cancelled', 'undone']);

/** Polls the job as the web does until it finishes. */
export async function waitForJob(client: Client, id: string, timeoutMs = 30_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/v1/imports/${id}`);
    assert.equal(res.statusCode, 200, res.body);
    const job = res.json() as ImportJob;
    if (FINISHED.has(job.status)) return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Uploads and waits: the finished job. */
export async function importFile(t: TestApp, client: Client, object: string, data: Buffer, fields: Record<string, string> = {}, fileName = 'data.csv'): Promise<ImportJob> {
  const res = await upload(t, client, object, fileName, data, fields);
  assert.equal(res.statusCode, 202, res.body);
  return waitForJob(client, (res.json() as ImportJob).id);
}

/** Parses a CSV as written by the error report (UTF-8 with BOM, quoted cells). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
