import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { RecordDetailPage } from './detail/RecordDetailPage';
import { RecordListPage } from './list/RecordListPage';
import { RECORD_OBJECTS } from './paths';

function GenericList() {
  const { object = '' } = useParams();
  return <RecordListPage object={object} />;
}
function GenericDetail() {
  const { object = '' } = useParams();
  return <RecordDetailPage object={object} />;
}

/** List and detail pages of every object: /lead and /lead/<id> …, and /o/<object> for any other. */
export const recordRoutes: { path: string; element: ReactNode }[] = [
  ...RECORD_OBJECTS.flatMap((object) => [
    // /task is 我的任务 (objects/task), /activity is 活动记录 (objects/activity); their generic lists stay at /o/<object>.
    ...(object === 'task' || object === 'activity' ? [] : [{ path: `/${object}`, element: <RecordListPage object={object} /> }]),
    { path: `/${object}/:id`, element: <RecordDetailPage object={object} /> },
  ]),
  { path: '/o/:object', element: <GenericList /> },
  { path: '/o/:object/:id', element: <GenericDetail /> },
];

/** Menu keys whose placeholder page these routes replace. */
export const RECORD_MENU_KEYS: ReadonlySet<string> = new Set(RECORD_OBJECTS);
