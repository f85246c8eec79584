import type { BatchAction, CellMarker, TransferAddon } from '../../records/extensions';
import { MergeAction } from './MergeAction';
import { OpportunityMarker } from './OpportunityMarker';
import { accountTransferAddon } from './transferAddon';

/** §3.5.5: the icon before an account's name when it has opportunities. */
export const opportunityMarkers: CellMarker[] = [{
  objects: ['account'],
  render: ({ record, pageIds }) => <OpportunityMarker record={record} pageIds={pageIds} />,
}];

/** §3.5.8: which related records follow an account to its new owner. */
export const accountTransferAddons: TransferAddon[] = [accountTransferAddon];

/** §3.5.10: 合并 on the account list. */
export const accountBatchActions: BatchAction[] = [{
  key: 'account-merge', objects: ['account'],
  render: ({ object, selected, onDone }) => <MergeAction object={object} selected={selected} onDone={onDone} />,
}];
