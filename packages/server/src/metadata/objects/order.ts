import { field, options, ownedRecordFields, type StandardObject } from '../define';

/** 订单 (§3.9). Order lines and locking come with the orders issue. */
export const order: StandardObject = {
  key: 'order', table: 'orders', label: { zh: '订单', en: 'Order' }, nameField: 'orderNo', owned: true,
  searchFields: ['orderNo'],
  defaultColumns: ['orderNo', 'accountId', 'amount', 'status', 'orderDate', 'ownerId'],
  fields: [
    field('orderNo', '订单编号', 'Order no.', 'autonumber', { readOnly: true }),
    field('accountId', '客户', 'Account', 'lookup', { required: true, onCreate: true, lookup: 'account' }),
    field('contractId', '合同', 'Contract', 'lookup', { onCreate: true, lookup: 'contract' }),
    field('amount', '订单金额', 'Amount', 'currency', { onCreate: true }),
    field('status', '订单状态', 'Status', 'picklist', { onCreate: true, defaultValue: '待确认', options: options(['待确认', 'Pending'], ['已确认', 'Confirmed'], ['已发货', 'Shipped'], ['已完成', 'Completed'], ['已作废', 'Void']) }),
    field('orderDate', '下单日期', 'Order date', 'date', { onCreate: true }),
    field('remark', '备注', 'Notes', 'textarea', { maxLength: 4000 }),
    ...ownedRecordFields({ zh: '订单所有人', en: 'Order owner' }),
  ],
};
