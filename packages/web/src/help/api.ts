import type { FeedbackCategory } from '@yixiao/core';
import { get, post } from '../api/client';

export interface Feedback {
  id: string;
  category: FeedbackCategory;
  content: string;
  status: 'open' | 'replied';
  reply: string | null;
  repliedAt: string | null;
  repliedByName: string | null;
  authorId: string;
  authorName: string;
  createdAt: string;
}

export const feedbackApi = {
  send: (input: { category: FeedbackCategory; content: string }) => post<Feedback>('/api/v1/feedback', input),
  mine: () => get<{ items: Feedback[] }>('/api/v1/feedback/mine'),
  list: (status: 'open' | 'replied' | undefined, page: number, pageSize: number) =>
    get<{ items: Feedback[]; total: number }>(`/api/v1/feedback?${new URLSearchParams({ page: String(page), pageSize: String(pageSize), ...(status ? { status } : {}) })}`),
  reply: (id: string, reply: string) => post<Feedback>(`/api/v1/feedback/${id}/reply`, { reply }),
};
