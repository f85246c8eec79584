import { Typography } from 'antd';
import type { CSSProperties } from 'react';
import type { Suggestion } from './api';

/** Registered companies to choose from: the name, then who runs it, its status and address. */
export function SuggestionList({ items, onChoose, style, testId = 'registry-suggestions' }: { items: Suggestion[]; onChoose: (s: Suggestion) => void; style?: CSSProperties; testId?: string }) {
  return (
    <div role="listbox" data-testid={testId} style={style}>
      {items.map((s) => (
        <div
          key={s.creditCode} role="option" aria-selected={false} tabIndex={-1} data-testid="registry-suggestion"
          // mousedown would blur the name input first; the choice is made on click.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onChoose(s)}
          style={{ padding: '6px 12px', cursor: 'pointer', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
          onMouseEnter={(e) => { e.currentTarget.style.background = 'rgba(0,0,0,0.04)'; }}
          onMouseLeave={(e) => { e.currentTarget.style.background = ''; }}
        >
          <div>{s.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[s.legalRepresentative, s.status, s.address].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
