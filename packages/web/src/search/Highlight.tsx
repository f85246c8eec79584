import { Fragment } from 'react';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with the query's words marked where they occur (a pinyin match has nothing to mark). */
export function Highlight({ text, query }: { text: string; query: string }) {
  const words = query.trim().split(/\s+/).filter(Boolean).map(escape);
  if (!words.length || !text) return <>{text}</>;
  const parts = text.split(new RegExp(`(${words.join('|')})`, 'gi'));
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <mark key={i} style={{ padding: 0, background: '#ffe58f' }}>{part}</mark> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}
