import type { ReactNode } from 'react';
import { dedupeSection } from '../dedupe/extensions';
import { feedbackSection } from '../help/sections';
import { announcementSection } from '../notifications/sections';
import { metadataSections } from '../metadata/sections';
import { orgSections } from '../org/sections';
import { mailSection } from '../personal/sections';
import { poolSection } from '../objects/pool/extensions';
import { productCategorySection } from '../objects/product/extensions';
import { registrySection } from '../registry/extensions';
import { salesProcessSection } from '../objects/opportunity/extensions';

/**
 * The sections of 系统设置, in menu order. Each area adds its own entry; `permission` hides the
 * section from users whose roles lack it (administrators see all).
 */
export interface SystemSection {
  key: string;
  labelKey: string;
  permission: string;
  element: ReactNode;
}

export const systemSections: SystemSection[] = [...orgSections, ...metadataSections, mailSection, announcementSection, feedbackSection, dedupeSection, poolSection, registrySection, salesProcessSection, productCategorySection];
