import type { ReactNode } from 'react';
import type { ObjectMeta } from '@yixiao/core';
import { analyticsDetailTabs, analyticsListActions } from '../analytics/extensions';
import { dedupeFieldAddons, duplicateMarkers } from '../dedupe/extensions';
import { campaignDetailActions } from '../objects/campaign/AddLeadsAction';
import { leadConvertActions } from '../objects/lead/convertAction';
import { poolBatchActions, poolDetailActions, poolListActions } from '../objects/pool/extensions';
import { registryDetailTabs, registryFieldAddons } from '../registry/extensions';
import { accountBatchActions, accountTransferAddons, opportunityMarkers } from '../objects/account/extensions';
import type { BatchResult, ListQuery } from './api';
import { opportunityDetailBanners, opportunityListModes } from '../objects/opportunity/extensions';
import { relatedCreateActions } from './detail/RelatedCreateMenu';
import { opportunityAmountLocks, opportunityLineTabs } from '../objects/opportunity-lines/extensions';
import { productListActions } from '../objects/product/extensions';
import { importListActions } from '../dataio/extensions';
import { recordTabs } from './tabs';

/**
 * Where features plug into the generic record screens without the screens knowing them: detail
 * tabs (动态, 任务日程, 文档, 操作记录 …), additions beside create-form fields (查重) and list-cell
 * markers (the "!" of possible duplicates). Each feature adds its entries here.
 */
export type RecordData = Record<string, unknown> & { id: string; version: number; display?: Record<string, string> };

export interface DetailTab {
  key: string;
  /** Message-catalogue key of the tab title. */
  labelKey: string;
  /** Lower comes first; 资料 (the fields) is 20, related lists 40. */
  order: number;
  /** Limit to some objects; all owned objects when absent. */
  objects?: string[];
  render(props: { object: ObjectMeta; record: RecordData; refresh: () => void }): ReactNode;
}

export interface FieldAddon {
  objects: string[];
  field: string;
  /**
   * Rendered under the field on create/edit forms; `value` is the field's current input.
   * `setValues` fills other inputs of the form (工商信息 fills 详细地址, 电话, 网址); keys the form
   * does not show are ignored.
   */
  render(props: { object: ObjectMeta; value: unknown; recordId?: string; setValues: (values: Record<string, unknown>) => void }): ReactNode;
}

export interface CellMarker {
  objects: string[];
  /** Rendered before the record's name in lists, for the records of the current page. */
  render(props: { object: ObjectMeta; record: RecordData; pageIds: string[] }): ReactNode;
}

/**
 * A business action on one record (转为客户, 退回公海池, 废弃 …): a button in the detail header,
 * rendering its own dialog. `onChanged` reloads the record after the action.
 */
export interface DetailAction {
  key: string;
  objects: string[];
  /** Lower comes first. */
  order: number;
  render(props: { object: ObjectMeta; record: RecordData; onChanged: () => void }): ReactNode;
}

/** A button in a list's toolbar for one object (去线索池领取 …); `onChanged` reloads the list (after 导入 …). */
export interface ListAction {
  key: string;
  objects: string[];
  render(props: { object: ObjectMeta; onChanged: () => void }): ReactNode;
}

/**
 * Another way to show a list (看板 …): a toggle beside the list's title swaps the table for it; the
 * list's view, filters and sort still apply. `refreshKey` changes when the list reloads (a record made).
 */
export interface ListMode {
  key: string;
  objects: string[];
  /** Message-catalogue key of the toggle's label. */
  labelKey: string;
  icon: ReactNode;
  render(props: { object: ObjectMeta; query: Omit<ListQuery, 'page' | 'pageSize'>; refreshKey: number }): ReactNode;
}

/** A band between a record's header and its tabs (可视化流程 …); `onChanged` reloads the record. */
export interface DetailBanner {
  key: string;
  objects: string[];
  render(props: { object: ObjectMeta; record: RecordData; onChanged: () => void }): ReactNode;
}

/**
 * What 转移 also carries for some objects (客户: which related records follow, §3.5.8): extra choices
 * in the single and batch dialogs, and the call that transfers with them instead of the plain one.
 */
export interface TransferAddon {
  objects: string[];
  /** The extra choices under the new owner; `batch` for the list's dialog. `value` is the addon's own, undefined at first. */
  render(props: { object: ObjectMeta; batch: boolean; value: unknown; onChange(value: unknown): void }): ReactNode;
  /** One result per id; `record` is the transferred record, `note` says in words what else moved. */
  transfer(props: { object: ObjectMeta; ids: string[]; ownerId: string; value: unknown }): Promise<TransferResult[]>;
}

export interface TransferResult extends BatchResult {
  record?: RecordData;
  note?: string;
}

/**
 * A field one record keeps read-only for a feature's reason (金额 while the opportunity has product
 * lines, §3.7.5): the form shows it disabled with the reason, 资料 without its edit button.
 */
export interface FieldLock {
  objects: string[];
  field: string;
  /** Answers the message key saying why the field is locked on this record, or null when it is not. */
  check(props: { object: ObjectMeta; record: RecordData }): Promise<string | null>;
}

/** A button among a list's batch actions for some objects (合并 …); it decides itself how many rows it needs. */
export interface BatchAction {
  key: string;
  objects: string[];
  render(props: { object: ObjectMeta; selected: RecordData[]; onDone(): void }): ReactNode;
}

export const detailTabs: DetailTab[] = [...recordTabs, ...analyticsDetailTabs, ...registryDetailTabs, ...opportunityLineTabs];
export const detailActions: DetailAction[] = [...leadConvertActions, ...campaignDetailActions, ...poolDetailActions, ...relatedCreateActions];
export const listActions: ListAction[] = [...poolListActions, ...analyticsListActions, ...productListActions, ...importListActions];
export const fieldAddons: FieldAddon[] = [...dedupeFieldAddons, ...registryFieldAddons];
export const cellMarkers: CellMarker[] = [...opportunityMarkers, ...duplicateMarkers];
export const transferAddons: TransferAddon[] = [...accountTransferAddons];
export const batchActions: BatchAction[] = [...poolBatchActions, ...accountBatchActions];
export const fieldLocks: FieldLock[] = [...opportunityAmountLocks];
export const listModes: ListMode[] = [...opportunityListModes];
export const detailBanners: DetailBanner[] = [...opportunityDetailBanners];
