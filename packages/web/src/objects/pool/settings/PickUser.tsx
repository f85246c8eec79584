import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PickedUser } from '../../../org/api';
import { useUserSearch } from '../../../org/useUserSearch';

interface Props {
  /** Users already chosen, left out of the choices. */
  excludeIds?: string[];
  onPick(user: PickedUser): void;
  placeholder?: string;
  'data-testid'?: string;
}

/**
 * Adds one user to a list (members, assign targets): like org/UserPicker, searching as one types,
 * but it hands back the user with their name and clears itself for the next one.
 */
export function PickUser({ excludeIds = [], onPick, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const { options, loading, search } = useUserSearch();

  return (
    <Select
      data-testid={rest['data-testid']}
      showSearch={{ filterOption: false, onSearch: (keyword) => void search(keyword) }}
      value={null}
      onChange={(id: string) => {
        const user = options.find((u) => u.id === id);
        if (user) onPick(user);
      }}
      options={options.filter((u) => !excludeIds.includes(u.id)).map((u) => ({ value: u.id, label: `${u.name}（${u.departmentName}）` }))}
      notFoundContent={loading ? <Spin size="small" /> : t('common.empty')}
      placeholder={placeholder ?? t('org.user.pick')}
      style={{ width: 260 }}
    />
  );
}
