/** Events a user can subscribe to by email (个人设置 → 订阅设置, §2.2). */
export const EMAIL_EVENTS = [
  'task_assigned', 'task_due', 'mentioned', 'record_transferred', 'pool_recycle_warning', 'announcement',
] as const;
export type EmailEvent = (typeof EMAIL_EVENTS)[number];

export type NotificationKind = 'todo' | 'notice' | 'announcement';

/** What the server pushes to a browser over the per-user WebSocket channel. */
export type RealtimeMessage =
  | { type: 'notification'; notification: { id: string; kind: NotificationKind; title: string; body: string; link: string | null; createdAt: string } }
  | { type: 'unread'; count: number };
