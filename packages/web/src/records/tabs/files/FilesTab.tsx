import type { ObjectMeta } from '@yixiao/core';
import type { RecordData } from '../../extensions';
import { recordFilesUrl } from '../api';
import { FileTable } from './FileTable';

/** 文档 (§3.5.6): the documents of a record (of a task: its attachments, under the task's own access rule). */
export function FilesTab({ object, record }: { object: ObjectMeta; record: RecordData }) {
  return <FileTable baseUrl={recordFilesUrl(object.key, record.id)} />;
}
