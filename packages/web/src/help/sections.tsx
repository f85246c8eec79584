import type { ReactNode } from 'react';
import type { SystemSection } from '../settings/systemSections';
import { FeedbackSection } from './FeedbackSection';
import { HelpPage } from './HelpPage';

/** The help area's page (the shell's 帮助 link and the "⋯" menu lead here). */
export const helpRoutes: { path: string; element: ReactNode }[] = [{ path: '/help/:tab?', element: <HelpPage /> }];

/** 系统设置 → 意见反馈, for holders of feedback.read. */
export const feedbackSection: SystemSection = { key: 'feedback', labelKey: 'help.feedback.section', permission: 'feedback.read', element: <FeedbackSection /> };
