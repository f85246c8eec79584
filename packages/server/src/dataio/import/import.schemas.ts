import { z } from 'zod';
import { FILE_FORMATS, IMPORT_MODES, TEXT_ENCODINGS } from '@yixiao/core';

const STATUSES = ['parsing', 'queued', 'running', 'done', 'failed', 'cancelled', 'interrupted', 'undone'] as const;

export const importJobSchema = z.object({
  id: z.uuid(),
  object: z.string(),
  target: z.enum(['records', 'pool']),
  fileName: z.string(),
  format: z.enum(FILE_FORMATS),
  encoding: z.enum(TEXT_ENCODINGS).nullable(),
  mode: z.enum(IMPORT_MODES).describe('skip 不导入 · overwrite 覆盖导入 · overwriteOnly 不导入新数据，仅覆盖重复数据'),
  status: z.enum(STATUSES),
  total: z.number().int().nullable().describe('Data rows in the file, once read'),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  notices: z.array(z.string()),
  error: z.string().nullable(),
  startedBy: z.object({ id: z.uuid(), name: z.string() }),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  estimatedEnd: z.string().nullable(),
  hasErrorReport: z.boolean(),
  undoable: z.boolean(),
}).meta({ id: 'ImportJob' });

export const importJobPageSchema = z.object({ items: z.array(importJobSchema), total: z.number().int() }).meta({ id: 'ImportJobPage' });

export const importUndoSchema = z.object({
  removed: z.number().int().describe('Records the import created, now removed'),
  restored: z.number().int().describe('Records the import overwrote, now back to their previous values'),
  kept: z.array(z.object({ recordId: z.uuid(), name: z.string().nullable(), reason: z.string() }))
    .describe('Records left as they are (changed or deleted since the import), with why'),
}).meta({ id: 'ImportUndoResult' });

/** The multipart fields sent before the file (or the same names in the query string). */
export const startFieldsSchema = z.object({
  mode: z.enum(IMPORT_MODES).default('skip'),
  encoding: z.enum(TEXT_ENCODINGS).default('gb18030'),
  target: z.enum(['records', 'pool']).default('records'),
});

export const jobListQuery = z.object({
  object: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
