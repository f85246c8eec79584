import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../auth/me';
import { searchPagePath } from './api';
import { Highlight } from './Highlight';
import { useSearch } from './useSearch';

/**
 * 模糊全局搜索 (§2.1): results drop down as the user types, grouped by object, with the matching
 * text marked; choosing one opens the record, Enter opens every result on the search page.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const { locale } = useCurrentUser();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const query = text.trim();
  const { groups } = useSearch(query, 5, 250);
  const selectedAt = useRef(0);

  const { options, links } = useMemo(() => {
    const links = new Map<string, string>();
    const options = groups.map((group) => ({
      label: <Typography.Text type="secondary" strong>{locale === 'en-US' ? group.label.en : group.label.zh}</Typography.Text>,
      options: [
        ...group.items.map((item) => {
          links.set(`${group.object}:${item.id}`, item.link);
          return {
            value: `${group.object}:${item.id}`,
            label: (
              <div data-testid="search-option">
                <div><Highlight text={item.name} query={query} /></div>
                {item.secondary && <Typography.Text type="secondary" style={{ fontSize: 12 }}><Highlight text={item.secondary} query={query} /></Typography.Text>}
              </div>
            ),
          };
        }),
        ...(group.more ? [{ value: `more:${group.object}`, label: <Typography.Link>{t('search.more')}</Typography.Link> }] : []),
      ],
    }));
    return { options, links };
  }, [groups, locale, query, t]);

  const openAll = (q: string) => {
    // Enter on a highlighted option selects it; the same keystroke must not also open the search page.
    if (q.trim() && Date.now() - selectedAt.current > 300) navigate(searchPagePath(q.trim()));
  };

  return (
    // The header's 64px line height would stretch the box; the search field keeps its own.
    <div data-testid="global-search" style={{ width: 280, lineHeight: 'normal' }}>
      <AutoComplete
        value={text}
        options={options}
        defaultActiveFirstOption={false}
        popupMatchSelectWidth={360}
        style={{ width: '100%' }}
        onChange={(value: string) => { if (!links.has(value) && !value.startsWith('more:')) setText(value); }}
        onSelect={(value: string) => {
          selectedAt.current = Date.now();
          navigate(links.get(value) ?? searchPagePath(query));
        }}
      >
        <Input prefix={<SearchOutlined />} placeholder={t('shell.searchPlaceholder')} allowClear onPressEnter={(e) => openAll(e.currentTarget.value)} />
      </AutoComplete>
    </div>
  );
}
