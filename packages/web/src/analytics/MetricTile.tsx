import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** One number of a results panel: its name above, the value (often a drill-down link) large, a note below. */
export function MetricTile({ label, value, note, testId }: { label: ReactNode; value: ReactNode; note?: ReactNode; testId?: string }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 24, lineHeight: '36px', fontWeight: 500 }} data-testid={testId && `${testId}-value`}>{value}</div>
      {note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{note}</Typography.Text>}
    </Card>
  );
}

/** A value that opens the records behind it. */
export function DrillLink({ children, onOpen, testId }: { children: ReactNode; onOpen: () => void; testId?: string }) {
  return <Typography.Link onClick={onOpen} data-testid={testId} style={{ fontSize: 'inherit' }}>{children}</Typography.Link>;
}
