import { Timeline, Typography } from 'antd';
import type { StageStay } from '@yixiao/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { textOf, useLocale } from '../../../records/fields';
import { durationText } from './duration';

/** 阶段历史: each stay, newest first — when it began, who moved it there, how long it lasted. */
export function StageHistory({ history }: { history: StageStay[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Timeline
      data-testid="stage-history"
      items={[...history].reverse().map((stay, i) => ({
        key: `${stay.enteredAt}-${i}`,
        color: stay.leftAt ? 'gray' : 'blue',
        content: (
          <div data-testid="stage-history-item">
            <Typography.Text strong>{textOf(stay.label, locale)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {t('sales.bar.entered', { time: dayjs(stay.enteredAt).format('YYYY-MM-DD HH:mm'), name: stay.enteredByName ?? t('sales.bar.someone') })}
              {' · '}
              {stay.leftAt ? t('sales.bar.stayed', { duration: durationText(t, stay.enteredAt, stay.leftAt) }) : t('sales.bar.staying', { duration: durationText(t, stay.enteredAt, null) })}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
