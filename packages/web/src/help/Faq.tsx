import { Collapse, Empty, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FAQ_IDS } from './content';

/** 常见问题 with a search box: a question shows when its question or answer contains every word typed. */
export function Faq() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const questions = FAQ_IDS.map((id) => ({ id, q: t(`help.faq.${id}.q`), a: t(`help.faq.${id}.a`) }))
    .filter(({ q, a }) => words.every((w) => `${q} ${a}`.toLowerCase().includes(w)));
  return (
    <div style={{ maxWidth: 860 }}>
      <Input.Search
        placeholder={t('help.faq.search')}
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: 16 }}
        data-testid="faq-search"
      />
      {questions.length === 0 ? (
        <Empty description={t('help.faq.none')} />
      ) : (
        <Collapse
          data-testid="faq-list"
          defaultActiveKey={words.length > 0 ? questions.map((q) => q.id) : []}
          key={words.join(' ')}
          items={questions.map(({ id, q, a }) => ({ key: id, label: q, children: <p style={{ margin: 0, lineHeight: 1.8 }}>{a}</p> }))}
        />
      )}
    </div>
  );
}
