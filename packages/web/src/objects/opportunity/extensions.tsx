import { AppstoreOutlined } from '@ant-design/icons';
import type { DetailBanner, ListMode } from '../../records/extensions';
import type { SystemSection } from '../../settings/systemSections';
import { KanbanView } from './kanban/KanbanView';
import { SalesProcessSettings } from './settings/SalesProcessSettings';
import { StageBar } from './stage/StageBar';

/** §3.7.4: 看板 beside the opportunity list, over the same view and filters. */
export const opportunityListModes: ListMode[] = [{
  key: 'kanban', objects: ['opportunity'], labelKey: 'sales.list.modeKanban', icon: <AppstoreOutlined />,
  render: ({ query, refreshKey }) => <KanbanView query={query} refreshKey={refreshKey} />,
}];

/** §3.7.6: the stage bar (可视化流程) between an opportunity's header and its tabs. */
export const opportunityDetailBanners: DetailBanner[] = [{
  key: 'stage-bar', objects: ['opportunity'],
  render: ({ record, onChanged }) => <StageBar record={record} onChanged={onChanged} />,
}];

export const salesProcessSection: SystemSection = { key: 'sales-process', labelKey: 'sales.settings.title', permission: 'metadata.manage', element: <SalesProcessSettings /> };
