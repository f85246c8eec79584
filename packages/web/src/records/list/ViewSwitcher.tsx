import { App, Button, Dropdown, type MenuProps } from 'antd';
import { CheckOutlined, DeleteOutlined, DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SavedView, SystemView } from '../api';

export type ViewChoice = { kind: 'system'; key: SystemView } | { kind: 'saved'; id: string };

const SYSTEM_VIEWS: SystemView[] = ['mine', 'team', 'all', 'stale7'];

interface Props {
  objectLabel: string;
  /** Objects without owners have only 全部. */
  owned: boolean;
  value: ViewChoice;
  saved: SavedView[];
  onChange(view: ViewChoice): void;
  onDelete(view: SavedView): Promise<void>;
}

export function viewTitle(view: ViewChoice, saved: SavedView[], objectLabel: string, t: (key: string, o?: Record<string, string>) => string) {
  if (view.kind === 'system') return t(`records.view.${view.key}`, { object: objectLabel });
  return saved.find((v) => v.id === view.id)?.name ?? t('records.view.all', { object: objectLabel });
}

/** 智能检索 (§3.3.6, §3.5.5): 常用检索 (mine / team / all / 7 days without follow-up), then the user's own. */
export function ViewSwitcher({ objectLabel, owned, value, saved, onChange, onDelete }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const isCurrent = (v: ViewChoice) => (v.kind === 'system' ? value.kind === 'system' && value.key === v.key : value.kind === 'saved' && value.id === v.id);
  const mark = (v: ViewChoice) => (isCurrent(v) ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />);

  const confirmDelete = (view: SavedView) =>
    modal.confirm({
      title: t('records.view.deleteConfirm', { name: view.name }),
      okButtonProps: { danger: true, ...{ 'data-testid': 'view-delete-ok' } },
      okText: t('common.delete'),
      onOk: () => onDelete(view),
    });

  const items: MenuProps['items'] = [
    {
      type: 'group', label: t('records.view.common'),
      children: (owned ? SYSTEM_VIEWS : (['all'] as SystemView[])).map((key) => ({
        key: `system:${key}`, icon: mark({ kind: 'system', key }),
        label: <span data-testid={`view-${key}`}>{t(`records.view.${key}`, { object: objectLabel })}</span>,
      })),
    },
    ...(saved.length ? [{
      type: 'group' as const, label: t('records.view.mine_saved'),
      children: saved.map((v) => ({
        key: `saved:${v.id}`, icon: mark({ kind: 'saved', id: v.id }),
        label: (
          <span style={{ display: 'flex', justifyContent: 'space-between', gap: 16 }} data-testid={`view-saved-${v.name}`}>
            <span>{v.name}</span>
            <DeleteOutlined
              aria-label={t('common.delete')} data-testid={`view-delete-${v.name}`}
              onClick={(e) => {
                e.stopPropagation();
                confirmDelete(v);
              }}
            />
          </span>
        ),
      })),
    }] : []),
  ];

  const choose: MenuProps['onClick'] = ({ key }) => {
    const [kind, id] = key.split(':') as [string, string];
    onChange(kind === 'system' ? { kind: 'system', key: id as SystemView } : { kind: 'saved', id });
  };

  return (
    <Dropdown menu={{ items, onClick: choose, selectable: false }} trigger={['click']}>
      <Button type="text" data-testid="view-switcher" style={{ fontSize: 16, fontWeight: 500, paddingInline: 8 }}>
        {viewTitle(value, saved, objectLabel, t)} <DownOutlined style={{ fontSize: 12 }} />
      </Button>
    </Dropdown>
  );
}
