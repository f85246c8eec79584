import { AppError } from '../../platform/http/errors';
import { registerHooks } from '../../records/hooks';
import './messages';

// A converted lead stays 已转换: its status is the conversion's, not an editable follow-up state.
registerHooks('lead', {
  async prepareUpdate(_tx, _scope, row, input) {
    if (row.converted_at && 'status' in input && input.status !== row.status) throw new AppError(409, 'lead_converted', 'lead.converted_status');
  },
});
