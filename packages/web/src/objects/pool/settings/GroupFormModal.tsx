import { App, Checkbox, Form, Input, InputNumber, Modal, Radio, Space, Switch, Typography } from 'antd';
import type { PoolGroup, PoolGroupInput, PoolObjectKey } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { poolApi } from '../api';

interface Props {
  object: PoolObjectKey;
  open: boolean;
  /** Edit this group; create one when absent. */
  group?: PoolGroup;
  onClose(): void;
  onSaved(group: PoolGroup): void;
}

const BLANK: PoolGroupInput = {
  name: '', everyone: false, claimMode: 'claim', previewAllowed: true, maxHeld: null, membersMayMove: false,
  recycleIdleDays: null, recycleUnconvertedDays: null,
};

const inputOf = (g: PoolGroup): PoolGroupInput => ({
  name: g.name, everyone: g.everyone, claimMode: g.claimMode, previewAllowed: g.previewAllowed, maxHeld: g.maxHeld,
  membersMayMove: g.membersMayMove, recycleIdleDays: g.recycleIdleDays, recycleUnconvertedDays: g.recycleUnconvertedDays,
});

/** A pool group's settings (§3.2.3, §3.5.11): who sees it, how records leave it, how many one may hold, when they come back. */
export function GroupFormModal({ object, open, group, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PoolGroupInput>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(group ? inputOf(group) : BLANK);
  }, [open, group?.id]);

  const submit = async () => {
    let values: PoolGroupInput;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const input: PoolGroupInput = {
      ...BLANK, ...values, name: values.name.trim(),
      maxHeld: values.maxHeld || null, recycleIdleDays: values.recycleIdleDays || null, recycleUnconvertedDays: values.recycleUnconvertedDays || null,
    };
    setSaving(true);
    try {
      const saved = group ? await poolApi.updateGroup(object, group.id, group.version, input) : await poolApi.createGroup(object, input);
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const days = (name: keyof PoolGroupInput, testId: string, before: string, after: string) => (
    <Space>
      <span>{before}</span>
      <Form.Item name={name} noStyle>
        <InputNumber min={1} max={3650} precision={0} style={{ width: 90 }} data-testid={testId} />
      </Form.Item>
      <span>{after}</span>
    </Space>
  );

  return (
    <Modal
      open={open} width={620} destroyOnHidden onCancel={onClose} onOk={() => void submit()}
      title={group ? t('pool.group.editTitle', { name: group.name }) : t('pool.group.createTitle')}
      okButtonProps={{ loading: saving, ...{ 'data-testid': 'pool-group-save' } }}
    >
      <Form form={form} layout="vertical" data-testid="pool-group-form" initialValues={BLANK}>
        <Form.Item name="name" label={t('pool.group.name')} rules={[{ required: true, whitespace: true, message: t('pool.group.nameRequired') }]}>
          <Input maxLength={100} data-testid="pool-group-name" />
        </Form.Item>
        <Form.Item name="everyone" label={t('pool.group.everyone')} valuePropName="checked" extra={t('pool.group.everyoneHint')}>
          <Switch data-testid="pool-group-everyone" />
        </Form.Item>
        <Form.Item name="claimMode" label={t('pool.group.claimMode')}>
          <Radio.Group data-testid="pool-group-claim-mode" options={[
            { value: 'claim', label: t('pool.claimMode.claim') },
            { value: 'assign', label: t('pool.claimMode.assign') },
          ]} />
        </Form.Item>
        <Form.Item name="previewAllowed" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox data-testid="pool-group-preview-allowed">{t('pool.group.previewAllowed')}</Checkbox>
        </Form.Item>
        <Form.Item name="membersMayMove" valuePropName="checked">
          <Checkbox data-testid="pool-group-members-may-move">{t('pool.group.membersMayMove')}</Checkbox>
        </Form.Item>
        <Form.Item label={t('pool.group.maxHeld')} extra={t('pool.group.maxHeldHint')}>
          <Form.Item name="maxHeld" noStyle>
            <InputNumber min={1} max={100000} precision={0} style={{ width: 140 }} data-testid="pool-group-max-held" />
          </Form.Item>
        </Form.Item>
        <Form.Item label={t('pool.group.recycle')} extra={t('pool.group.recycleHint')}>
          <Space orientation="vertical">
            {days('recycleIdleDays', 'pool-group-idle-days', t('pool.group.idleBefore'), t('pool.group.idleAfter'))}
            {days('recycleUnconvertedDays', 'pool-group-unconverted-days', t('pool.group.unconvertedBefore'), t(`pool.group.unconvertedAfter.${object}`))}
          </Space>
        </Form.Item>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pool.group.membersLater')}</Typography.Text>
      </Form>
    </Modal>
  );
}
