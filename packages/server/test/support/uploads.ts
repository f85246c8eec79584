import type { LightMyRequestResponse } from 'fastify';
import { TEST_ORIGIN, type Client, type TestApp } from './app';

/** A real 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** The smallest PDF a sniffer recognises. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Posts one file the way a browser's FormData does (multipart field "file"). */
export async function uploadFile(t: TestApp, client: Client, url: string, fileName: string, data: Buffer, type = 'application/octet-stream'): Promise<LightMyRequestResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), fileName);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return t.app.inject({
    method: 'POST', url, payload: Buffer.from(await request.arrayBuffer()),
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, origin: TEST_ORIGIN, 'content-type': request.headers.get('content-type')! },
  });
}
