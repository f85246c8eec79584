import { App, Button, Card, Empty, Form, Input, Modal, Popconfirm, Space, Spin, Tree, TreeSelect, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { DataNode } from 'antd/es/tree';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoriesApi, type Category } from './api';

interface ParentChoice {
  value: string;
  title: string;
  disabled: boolean;
  children: ParentChoice[];
}

type Dialog = { mode: 'create'; parentId: string | null } | { mode: 'edit'; category: Category };

/** The ids of a category and everything below it: where it may not move. */
function subtree(items: Category[], id: string): Set<string> {
  const out = new Set([id]);
  for (const c of items) if (c.parentId && out.has(c.parentId)) out.add(c.id); // parents come before children
  return out;
}

/** 系统设置 → 产品目录: the catalogue's category tree (add, rename, move, reorder, delete empty ones). */
export function CategoryTreePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<Category[] | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string; parentId: string | null }>();

  const load = useCallback(async () => {
    try {
      setItems(await categoriesApi.list());
    } catch (e) {
      void message.error((e as Error).message);
    }
  }, [message]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (call: () => Promise<Category[]>, done = t('common.saved')) => {
    try {
      setItems(await call());
      void message.success(done);
      return true;
    } catch (e) {
      void message.error((e as Error).message);
      void load();
      return false;
    }
  };

  const open = (next: Dialog) => {
    form.setFieldsValue(next.mode === 'edit' ? { name: next.category.name, parentId: next.category.parentId } : { name: '', parentId: next.parentId });
    setDialog(next);
  };

  const submit = async () => {
    if (!dialog) return;
    const v = await form.validateFields();
    setSaving(true);
    const ok = dialog.mode === 'create'
      ? await run(() => categoriesApi.create(v.name.trim(), v.parentId ?? null))
      : await run(() => categoriesApi.update(dialog.category.id, { name: v.name.trim(), parentId: v.parentId ?? null, version: dialog.category.version }));
    setSaving(false);
    if (ok) setDialog(null);
  };

  if (!items) return <Card title={t('product.categories.title')}><Spin /></Card>;

  const siblingsOf = (c: Category) => items.filter((x) => x.parentId === c.parentId);
  const node = (c: Category): DataNode => {
    const siblings = siblingsOf(c);
    return {
      key: c.id,
      title: (
        <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }} data-testid={`category-${c.path}`}>
          <span>{c.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('product.categories.products', { count: c.productCount })}</Typography.Text>
          <Space size={0} onClick={(e) => e.stopPropagation()}>
            <Button type="text" size="small" icon={<PlusOutlined />} title={t('product.categories.addChild')} aria-label={t('product.categories.addChild')} onClick={() => open({ mode: 'create', parentId: c.id })} data-testid="category-add-child" />
            <Button type="text" size="small" icon={<EditOutlined />} title={t('common.edit')} aria-label={t('common.edit')} onClick={() => open({ mode: 'edit', category: c })} data-testid="category-edit" />
            <Button type="text" size="small" icon={<ArrowUpOutlined />} title={t('product.categories.up')} aria-label={t('product.categories.up')} disabled={siblings[0]?.id === c.id} onClick={() => void run(() => categoriesApi.shift(c.id, 'up'))} />
            <Button type="text" size="small" icon={<ArrowDownOutlined />} title={t('product.categories.down')} aria-label={t('product.categories.down')} disabled={siblings.at(-1)?.id === c.id} onClick={() => void run(() => categoriesApi.shift(c.id, 'down'))} />
            <Popconfirm title={t('product.categories.deleteConfirm', { name: c.name })} onConfirm={() => run(() => categoriesApi.remove(c.id), t('product.categories.deleted'))}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} title={t('common.delete')} aria-label={t('common.delete')} data-testid="category-delete" />
            </Popconfirm>
          </Space>
        </span>
      ),
      children: items.filter((x) => x.parentId === c.id).map(node),
    };
  };
  const tree = items.filter((c) => c.parentId === null).map(node);

  const blocked = dialog?.mode === 'edit' ? subtree(items, dialog.category.id) : new Set<string>();
  const parentChoices = (parentId: string | null): ParentChoice[] =>
    items.filter((c) => c.parentId === parentId).map((c) => ({ value: c.id, title: c.name, disabled: blocked.has(c.id), children: parentChoices(c.id) }));

  return (
    <Card
      title={t('product.categories.title')} data-testid="product-categories"
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => open({ mode: 'create', parentId: null })} data-testid="category-add-top">{t('product.categories.addTop')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('product.categories.hint')}</Typography.Paragraph>
      {tree.length === 0 ? <Empty description={t('product.categories.empty')} /> : <Tree treeData={tree} defaultExpandAll blockNode selectable={false} key={items.length} />}
      <Modal
        open={!!dialog} title={dialog?.mode === 'edit' ? t('common.edit') : dialog?.parentId ? t('product.categories.addChild') : t('product.categories.addTop')}
        onCancel={() => setDialog(null)} onOk={() => void submit()} confirmLoading={saving} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden
        okButtonProps={{ 'data-testid': 'category-save' }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('product.categories.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}>
            <Input maxLength={100} data-testid="category-name" autoFocus />
          </Form.Item>
          <Form.Item name="parentId" label={t('product.categories.parent')}>
            <TreeSelect allowClear treeDefaultExpandAll placeholder={t('product.categories.top')} treeData={parentChoices(null)} data-testid="category-parent" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
