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

/**
 * Whether an event mails a user who has not chosen yet (users.email_subscriptions lacks the key).
 * Events addressed to the user personally are on; department announcements are off, because a
 * company-wide post would otherwise mail everyone, and the bell already shows them.
 */
export const EMAIL_EVENT_DEFAULTS: Record<EmailEvent, boolean> = {
  task_assigned: true,
  task_due: true,
  mentioned: true,
  record_transferred: true,
  pool_recycle_warning: true,
  announcement: false,
};

/** A user's choice for one event, falling back to EMAIL_EVENT_DEFAULTS. */
export function wantsEmail(subscriptions: Partial<Record<string, boolean>> | null | undefined, event: EmailEvent): boolean {
  return subscriptions?.[event] ?? EMAIL_EVENT_DEFAULTS[event];
}

export const NOTIFICATION_KINDS = ['todo', 'notice', 'announcement'] as const satisfies readonly NotificationKind[];
export const FEEDBACK_CATEGORIES = ['bug', 'suggestion', 'question'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];
