import { del, get, patch, post, put } from '../api/client';

/** Shapes of /api/v1/me/… and /api/v1/mail/… as the server answers them (server platform/personal/schemas.ts). */
export interface Profile {
  login: string;
  name: string;
  departmentName: string;
  title: string | null;
  resume: string | null;
  locale: 'zh-CN' | 'en-US';
  avatarUrl: string | null;
  email: string | null;
  emailVerified: boolean;
  pendingEmail: string | null;
  mobile: string | null;
  mobileVerified: boolean;
  pendingMobile: string | null;
  version: number;
}

export interface MenuState { items: string[]; isDefault: boolean; available: string[] }
export interface Subscriptions { subscriptions: Record<string, boolean>; verifiedEmail: string | null }
export interface ApiKey { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null }

export type MailStatus = 'pending' | 'sent' | 'failed';
export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  sentAt: string | null;
}

export const personalApi = {
  profile: () => get<Profile>('/api/v1/me/profile'),
  updateProfile: (body: { title?: string | null; resume?: string | null; locale?: Profile['locale']; version?: number }) =>
    patch<Profile>('/api/v1/me/profile', body),
  uploadAvatar: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return post<{ avatarUrl: string }>('/api/v1/me/avatar', form);
  },
  removeAvatar: () => del<void>('/api/v1/me/avatar'),

  menu: () => get<MenuState>('/api/v1/me/menu'),
  saveMenu: (items: string[]) => put<MenuState>('/api/v1/me/menu', { items }),
  resetMenu: () => del<MenuState>('/api/v1/me/menu'),

  subscriptions: () => get<Subscriptions>('/api/v1/me/email-subscriptions'),
  saveSubscriptions: (subscriptions: Record<string, boolean>) => put<Subscriptions>('/api/v1/me/email-subscriptions', { subscriptions }),

  requestEmailVerification: (email: string) => post<{ email: string; expiresAt: string }>('/api/v1/me/email-verification', { email }),
  verifyEmail: (token: string) => post<{ email: string }>('/api/v1/auth/verify-email', { token }),
  requestMobileCode: (mobile: string) => post<{ mobile: string; expiresAt: string }>('/api/v1/me/mobile-verification', { mobile }),
  confirmMobileCode: (code: string) => post<{ mobile: string }>('/api/v1/me/mobile-verification/confirm', { code }),
  changePassword: (currentPassword: string, newPassword: string) => post<void>('/api/v1/auth/password', { currentPassword, newPassword }),

  apiKeys: () => get<{ items: ApiKey[] }>('/api/v1/me/api-keys').then((r) => r.items),
  createApiKey: (name: string) => post<ApiKey & { key: string }>('/api/v1/me/api-keys', { name }),
  revokeApiKey: (id: string) => del<void>(`/api/v1/me/api-keys/${encodeURIComponent(id)}`),

  outbox: (query: { status?: MailStatus; page: number; pageSize: number }) => {
    const search = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
    if (query.status) search.set('status', query.status);
    return get<{ items: OutboxMail[]; total: number }>(`/api/v1/mail/outbox?${search}`);
  },
  outboxSummary: () => get<{ smtpConfigured: boolean; counts: Record<MailStatus, number> }>('/api/v1/mail/outbox/summary'),
  retryMail: (id: string) => post<OutboxMail>(`/api/v1/mail/outbox/${id}/retry`),
};
