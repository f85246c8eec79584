import type { NotificationKind } from '@yixiao/core';
import { CheckSquareOutlined, NotificationOutlined, SoundOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

/** How each kind of notification looks: 待办 (todo), 通知 (notice), 公告 (announcement). */
export const KIND_META: Record<NotificationKind, { icon: ReactNode; color: string; labelKey: string }> = {
  todo: { icon: <CheckSquareOutlined />, color: '#fa8c16', labelKey: 'notifications.kind.todo' },
  notice: { icon: <NotificationOutlined />, color: '#1677ff', labelKey: 'notifications.kind.notice' },
  announcement: { icon: <SoundOutlined />, color: '#52c41a', labelKey: 'notifications.kind.announcement' },
};
