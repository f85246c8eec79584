import type { Tx } from '../../db/database';
import type { RecordScope } from '../../records/scope';
import type { RowResult, WriteRules } from './apply-engine';
import type { Decision } from './decide';

export const setBasedSupported = (_objectKey: string) => false;

export async function applySetBased(_tx: Tx, _scope: RecordScope, _rules: WriteRules, _decisions: Decision[]): Promise<RowResult[]> {
  throw new Error('not yet');
}
