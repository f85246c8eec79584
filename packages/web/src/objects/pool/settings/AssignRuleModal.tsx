import { Alert, App, Button, Form, Input, Modal, Steps, Switch } from 'antd';
import type { AssignRule, AssignRuleInput, ObjectMeta, PoolGroup, PoolObjectKey } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../records/fields';
import { poolApi } from '../api';
import { conditionRow, defaultConditions, RuleConditions, toConditions, type ConditionRow } from './RuleConditions';
import { RuleTargets, type NamedTarget } from './RuleTargets';

interface Props {
  object: PoolObjectKey;
  meta: ObjectMeta;
  group: PoolGroup;
  open: boolean;
  /** Edit this rule; a new one when absent. */
  rule?: AssignRule;
  onClose(): void;
  onSaved(): void;
}

/** 新建规则 (§3.2.8) in three steps: its name, then the conditions, then the users or 用户组 to hand records to. */
export function AssignRuleModal({ object, meta, group, open, rule, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const [step, setStep] = useState(0);
  const [name, setName] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [rows, setRows] = useState<ConditionRow[]>([]);
  const [targets, setTargets] = useState<NamedTarget[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setStep(0);
    setProblem(null);
    setName(rule?.name ?? '');
    setEnabled(rule?.enabled ?? true);
    setRows(rule ? rule.conditions.map((c) => conditionRow(c)) : defaultConditions());
    setTargets(rule ? rule.targets.map((x, i) => ({ ...x, name: rule.targetNames[i] ?? x.id })) : []);
  }, [open, rule?.id]);

  /** Whether the current step is ready to leave; says why not. */
  const check = (at: number): AssignRuleInput | null => {
    if (at >= 0 && !name.trim()) return fail(t('pool.rules.nameRequired'));
    const conditions = toConditions(rows, meta, locale);
    if (at >= 1 && 'incomplete' in conditions) return fail(t('records.advanced.incomplete', { field: conditions.incomplete }));
    if (at >= 2 && targets.length === 0) return fail(t('pool.rules.targetsRequired'));
    setProblem(null);
    return { name: name.trim(), enabled, conditions: Array.isArray(conditions) ? conditions : [], targets: targets.map(({ type, id }) => ({ type, id })) };
  };
  const fail = (why: string) => {
    setProblem(why);
    return null;
  };

  const save = async () => {
    const input = check(2);
    if (!input) return;
    setSaving(true);
    try {
      if (rule) await poolApi.updateRule(object, group.id, rule.id, rule.version, input);
      else await poolApi.createRule(object, group.id, input);
      void message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open} width={860} destroyOnHidden onCancel={onClose}
      title={rule ? t('pool.rules.editTitle', { name: rule.name }) : t('pool.rules.createTitle', { group: group.name })}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
        step > 0 && <Button key="back" onClick={() => setStep(step - 1)} data-testid="rule-back">{t('pool.rules.back')}</Button>,
        step < 2
          ? <Button key="next" type="primary" onClick={() => check(step) && setStep(step + 1)} data-testid="rule-next">{t('pool.rules.next')}</Button>
          : <Button key="save" type="primary" loading={saving} onClick={() => void save()} data-testid="rule-save">{t('common.save')}</Button>,
      ]}
    >
      <Steps
        size="small" current={step} style={{ marginBottom: 20 }}
        items={[{ title: t('pool.rules.stepName') }, { title: t('pool.rules.stepConditions') }, { title: t('pool.rules.stepTargets') }]}
      />
      {step === 0 && (
        <Form layout="vertical">
          <Form.Item label={t('pool.rules.name')} required>
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} data-testid="rule-name" autoFocus />
          </Form.Item>
          <Form.Item label={t('pool.rules.enabled')}>
            <Switch checked={enabled} onChange={setEnabled} data-testid="rule-enabled" />
          </Form.Item>
        </Form>
      )}
      {step === 1 && <RuleConditions meta={meta} rows={rows} onChange={setRows} />}
      {step === 2 && <RuleTargets targets={targets} onChange={setTargets} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="rule-problem" />}
    </Modal>
  );
}
