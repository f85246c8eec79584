import { Alert, App, Button, Card, Drawer, Empty, Space, Spin, Switch, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import type { AssignRule, PoolGroup, PoolObjectKey } from '@yixiao/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldByKey, useLocale } from '../../../records/fields';
import { describeCondition } from '../../../records/list/filters';
import type { FilterCondition } from '@yixiao/core';
import { useObjectMeta } from '../../../records/useObjectMeta';
import { poolApi } from '../api';
import { AssignRuleModal } from './AssignRuleModal';

interface Props {
  object: PoolObjectKey;
  group: PoolGroup;
  onClose(): void;
}

/**
 * 线索自动分配 (§3.2.8): the group's rules in the order they are tried (drag, or ↑ ↓); a record
 * entering the pool goes to the first rule whose conditions all hold, its targets taking turns.
 */
export function AssignRulesDrawer({ object, group, onClose }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const locale = useLocale();
  const { meta } = useObjectMeta(object);
  const [rules, setRules] = useState<AssignRule[] | null>(null);
  const [editing, setEditing] = useState<AssignRule | 'new' | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setRules((await poolApi.group(object, group.id)).rules);
    } catch (e) {
      void message.error((e as Error).message);
      setRules((current) => current ?? []);
    }
  }, [object, group.id, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const reorder = async (ids: string[]) => {
    setRules((current) => ids.map((id) => current!.find((r) => r.id === id)!));
    try {
      await poolApi.orderRules(object, group.id, ids);
    } catch (e) {
      void message.error((e as Error).message);
    }
    await load();
  };
  const move = (from: number, to: number) => {
    if (!rules || to < 0 || to >= rules.length || from === to) return;
    const ids = rules.map((r) => r.id);
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id!);
    void reorder(ids);
  };

  const toggle = async (rule: AssignRule, enabled: boolean) => {
    try {
      await poolApi.updateRule(object, group.id, rule.id, rule.version, { name: rule.name, enabled, conditions: rule.conditions, targets: rule.targets });
    } catch (e) {
      void message.error((e as Error).message);
    }
    await load();
  };

  const remove = (rule: AssignRule) => modal.confirm({
    title: t('pool.rules.deleteConfirm', { name: rule.name }), okButtonProps: { danger: true, ...{ 'data-testid': 'rule-delete-ok' } },
    onOk: async () => {
      try {
        await poolApi.deleteRule(object, group.id, rule.id);
      } catch (e) {
        void message.error((e as Error).message);
      }
      await load();
    },
  });

  const conditionText = (c: { field: string; op: string; value?: unknown }) => {
    const field = meta && fieldByKey(meta, c.field);
    return field ? `${field.label[locale === 'en-US' ? 'en' : 'zh']} ${describeCondition(field, c as FilterCondition, locale, t)}` : c.field;
  };

  return (
    <Drawer open size={720} title={t('pool.rules.title', { name: group.name })} onClose={onClose}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!meta} data-testid="rule-create">{t('pool.rules.create')}</Button>}>
      <Alert type="info" showIcon title={t('pool.rules.intro')} style={{ marginBottom: 12 }} />
      {!rules ? <Spin /> : rules.length === 0 ? <Empty description={t('pool.rules.empty')} /> : (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="rule-list">
          {rules.map((rule, i) => (
            <Card
              key={rule.id} size="small" data-testid={`rule-${rule.name}`} draggable
              onDragStart={() => setDragging(rule.id)} onDragOver={(e) => e.preventDefault()}
              onDrop={() => { if (dragging) move(rules.findIndex((r) => r.id === dragging), i); setDragging(null); }}
              title={(
                <Space>
                  <HolderOutlined style={{ cursor: 'grab', color: '#999' }} />
                  <Typography.Text type="secondary">{i + 1}</Typography.Text>
                  {rule.name}
                  {!rule.enabled && <Tag>{t('pool.rules.disabled')}</Tag>}
                </Space>
              )}
              extra={(
                <Space size={0}>
                  <Switch size="small" checked={rule.enabled} onChange={(on) => void toggle(rule, on)} aria-label={t('pool.rules.enabled')} />
                  <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('pool.rules.up')} />
                  <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === rules.length - 1} onClick={() => move(i, i + 1)} aria-label={t('pool.rules.down')} />
                  <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing(rule)} aria-label={t('common.edit')} data-testid="rule-edit" />
                  <Button type="text" size="small" icon={<DeleteOutlined />} onClick={() => remove(rule)} aria-label={t('common.delete')} data-testid="rule-delete" />
                </Space>
              )}
            >
              <div>
                <Typography.Text type="secondary">{t('pool.rules.when')}</Typography.Text>
                {rule.conditions.length ? rule.conditions.map(conditionText).join(t('records.filter.and')) : t('pool.rules.always')}
              </div>
              <div>
                <Typography.Text type="secondary">{t('pool.rules.to')}</Typography.Text>
                <span data-testid="rule-target-names">{rule.targetNames.join(' → ')}</span>
              </div>
            </Card>
          ))}
        </Space>
      )}
      {meta && (
        <AssignRuleModal
          object={object} meta={meta} group={group} open={editing !== null} rule={editing && editing !== 'new' ? editing : undefined}
          onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void load(); }}
        />
      )}
    </Drawer>
  );
}
