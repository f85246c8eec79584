import { defineMessages } from '../../platform/i18n/messages';

defineMessages({
  'opportunity.lost_reason_required': { zh: '输单须选择输单原因', en: 'Closing as lost needs a loss reason' },
  'opportunity.stage.unknown': { zh: '销售阶段“{stage}”不存在', en: 'No sales stage "{stage}"' },
  'opportunity.stage.skip': {
    zh: '可视化流程不能跳过阶段：“{from}”的下一阶段是“{next}”', en: 'Guided selling allows no skipping: after "{from}" comes "{next}"',
  },
  'opportunity.stage.first': { zh: '可视化流程的销售机会须从“{first}”开始', en: 'In guided selling an opportunity starts at "{first}"' },
  'opportunity.stage.tasks_open': {
    zh: '请先完成“{stage}”阶段的任务：{tasks}', en: 'Complete the tasks of "{stage}" first: {tasks}',
  },
  'opportunity.stage.fields_missing': {
    zh: '请先填写“{stage}”阶段的关键信息：{fields}', en: 'Fill in the key fields of "{stage}" first: {fields}',
  },
  'opportunity.stage.task_unknown': { zh: '该阶段任务不存在', en: 'No such stage task' },
  'sales.stage_in_use': {
    zh: '阶段“{stage}”中还有 {count} 个销售机会，不能删除（可停用）', en: '{count} opportunities are in "{stage}"; disable it instead of removing it',
  },
  'sales.reason_in_use': {
    zh: '输单原因“{reason}”已被 {count} 个销售机会使用，不能删除（可停用）', en: '{count} opportunities use the loss reason "{reason}"; disable it instead',
  },
  'sales.duplicate_stage': { zh: '阶段“{stage}”重复', en: 'The stage "{stage}" appears twice' },
  'sales.duplicate_reason': { zh: '输单原因“{reason}”重复', en: 'The loss reason "{reason}" appears twice' },
  'sales.closing_stages': { zh: '销售流程须有且仅有一个赢单阶段和一个输单阶段', en: 'A sales process has exactly one won and one lost stage' },
  'sales.closing_enabled': { zh: '赢单和输单阶段不能停用', en: 'The won and lost stages cannot be disabled' },
  'sales.no_open_stage': { zh: '至少需要一个启用的进行中阶段', en: 'At least one open stage must be enabled' },
  'sales.no_reason': { zh: '至少需要一个启用的输单原因', en: 'At least one loss reason must be enabled' },
  'sales.bad_key_field': { zh: '“{field}”不能作为关键信息', en: '"{field}" cannot be a key field' },
  'sales.closing_extras': { zh: '赢单和输单阶段没有任务和关键信息', en: 'The won and lost stages have no tasks or key fields' },
  'sales.unknown_task': { zh: '阶段任务不存在：{id}', en: 'No such stage task: {id}' },
  'sales.win_rate_closing': { zh: '赢单阶段赢率为 100%，输单阶段为 0%', en: 'The won stage wins 100%, the lost stage 0%' },
});
