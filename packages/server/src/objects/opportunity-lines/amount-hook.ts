import { invalid } from '../../platform/http/errors';
import { registerHooks } from '../../records/hooks';
import { sameAmount } from './line-total';
import { linesSum } from './product-lines';
import './messages';

const DECIMAL = /^-?\d{1,18}(\.\d{1,10})?$/;

// §3.7.5: while an opportunity has product lines its 金额 is their sum, so an edit may not set
// another amount. The line changes themselves write the sum through the engine and pass here.
registerHooks('opportunity', {
  async prepareUpdate(tx, scope, row, input) {
    if (!('amount' in input)) return;
    const sum = await linesSum(tx, scope.auth.tenantId, row.id as string);
    if (sum === null) return;
    const given = typeof input.amount === 'number' ? String(input.amount) : input.amount;
    if (typeof given === 'string' && DECIMAL.test(given.trim()) && sameAmount(given.trim(), sum)) return;
    throw invalid('opportunityLines.amount_from_lines', {}, [{ field: 'amount', reason: 'amount_from_lines' }]);
  },
});
