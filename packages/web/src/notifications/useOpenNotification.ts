import { useNavigate } from 'react-router-dom';
import { notificationsApi, type AppNotification } from './api';

/**
 * Opening a notification reads it and follows its link; one without a link goes to `fallback`
 * (the notification centre from the bell; nowhere from inside the centre, where it is shown in full).
 */
export function useOpenNotification(options: { fallback: string | null; onRead?: (id: string, unread: number) => void }) {
  const navigate = useNavigate();
  return async (notification: AppNotification) => {
    if (notification.readAt === null) {
      const { unread } = await notificationsApi.markRead(notification.id);
      options.onRead?.(notification.id, unread);
    }
    const target = notification.link ?? options.fallback;
    if (target) navigate(target);
  };
}
