import type { ListAction } from '../records/extensions';
import { RECORD_OBJECTS } from '../records/paths';
import { ImportButton } from './ImportButton';

/** Objects with 导入 (as the server's IMPORT_OBJECTS): activity records and tasks are logged, not imported from sheets. */
const IMPORT_OBJECTS = RECORD_OBJECTS.filter((o) => o !== 'activity' && o !== 'task');

/** 导入线索, 导入客户 … on every record list (§3.3.2, §3.5.3); the pool pages add their own (§3.2.2, §3.4.3). */
export const importListActions: ListAction[] = [{
  key: 'import', objects: IMPORT_OBJECTS,
  render: ({ object, onChanged }) => <ImportButton object={object} onChanged={onChanged} />,
}];
