import type { PoolEvent } from '@yixiao/core';
import type { TFunction } from 'i18next';

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** What one pool event changed, in words: owners and groups before and after, the reason or the rule. */
export function eventDetail(e: PoolEvent, t: TFunction): string {
  const parts: string[] = [];
  if (e.fromOwnerName || e.toOwnerName) {
    parts.push(t('pool.events.owner', { from: e.fromOwnerName ?? t('pool.events.nobody'), to: e.toOwnerName ?? t('pool.events.nobody') }));
  }
  if (e.fromGroupName && e.toGroupName && e.fromGroupName !== e.toGroupName) {
    parts.push(t('pool.events.group', { from: e.fromGroupName, to: e.toGroupName }));
  } else if (e.toGroupName && !e.fromGroupName) {
    parts.push(t('pool.events.inGroup', { group: e.toGroupName }));
  }
  const d = e.detail ?? {};
  if (str(d.ruleName)) parts.push(t('pool.events.byRule', { rule: str(d.ruleName) }));
  if (str(d.rule) && str(d.days)) parts.push(t(`pool.events.recycleRule.${str(d.rule)}`, { days: str(d.days), defaultValue: str(d.rule) }));
  if (str(d.reason)) parts.push(t('pool.events.reason', { reason: str(d.reason) }));
  return parts.join('；');
}
