import type { ColumnType, Generated } from 'kysely';
import type { SalesMode, StageKind } from '@yixiao/core';

/** Kysely's view of the sales-process tables (0016_sales_process.sql). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface SalesProcessesTable {
  tenant_id: string;
  mode: Generated<SalesMode>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface SalesStagesTable {
  tenant_id: string;
  value: string;
  label_zh: string;
  label_en: string;
  kind: StageKind;
  win_rate: number;
  sort_order: Generated<number>;
  enabled: Generated<boolean>;
  key_fields: ColumnType<string[], string[] | undefined, string[]>;
}

export interface SalesStageTasksTable {
  tenant_id: string;
  id: Generated<string>;
  stage: string;
  title: string;
  required: Generated<boolean>;
  sort_order: Generated<number>;
}

export interface SalesLostReasonsTable {
  tenant_id: string;
  value: string;
  label_zh: string;
  label_en: string;
  enabled: Generated<boolean>;
  sort_order: Generated<number>;
}

export interface OpportunityStageChecksTable {
  tenant_id: string;
  opportunity_id: string;
  task_id: string;
  checked_by: string | null;
  checked_at: Timestamp;
}

export interface OpportunityStageHistoryTable {
  tenant_id: string;
  id: Generated<string>;
  opportunity_id: string;
  stage: string;
  win_rate: number | null;
  amount: string | null;
  entered_at: Timestamp;
  entered_by: string | null;
  left_at: NullableTimestamp;
  left_by: string | null;
  next_stage: string | null;
}

declare module './schema' {
  interface DB {
    sales_processes: SalesProcessesTable;
    sales_stages: SalesStagesTable;
    sales_stage_tasks: SalesStageTasksTable;
    sales_lost_reasons: SalesLostReasonsTable;
    opportunity_stage_checks: OpportunityStageChecksTable;
    opportunity_stage_history: OpportunityStageHistoryTable;
  }
}
