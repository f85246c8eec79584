import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Popconfirm, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/me';
import { fallbackIcon, MENU_META } from '../shell/menu';
import { personalApi, type MenuState } from './api';
import { addItem, moveItem, removeItem } from './menuOrder';
import { useRun } from '../api/useRun';

const rowStyle = { display: 'flex', alignItems: 'center', gap: 8, padding: '6px 8px', borderBottom: '1px solid #f0f0f0', background: '#fff' };

/** §2.1 菜单管理: the user adds, removes and reorders their navigation items, then saves. */
export function MenuSettingsPage() {
  const { t } = useTranslation();
  const { refresh } = useMe();
  const act = useRun();
  const [saved, setSaved] = useState<MenuState | null>(null);
  const [items, setItems] = useState<string[]>([]);
  const [dragging, setDragging] = useState<number | null>(null);

  const adopt = (state: MenuState) => {
    setSaved(state);
    setItems(state.items);
  };
  useEffect(() => {
    void personalApi.menu().then(adopt);
  }, []);

  if (!saved) return <Skeleton active />;
  const dirty = items.join() !== saved.items.join();
  const addable = saved.available.filter((key) => !items.includes(key));
  const label = (key: string) => (
    <Space>
      {MENU_META[key]?.icon ?? fallbackIcon}
      {t(`menu.${key}`)}
    </Space>
  );

  const save = async () => {
    if (await act(async () => adopt(await personalApi.saveMenu(items)))) await refresh();
  };
  const reset = async () => {
    if (await act(async () => adopt(await personalApi.resetMenu()), t('personal.menu.resetDone'))) await refresh();
  };

  return (
    <Card
      title={t('personal.menu.title')}
      extra={
        <Space>
          {dirty && <Tag color="orange">{t('personal.menu.unsaved')}</Tag>}
          <Popconfirm title={t('personal.menu.resetConfirm')} onConfirm={() => reset()}>
            <Button data-testid="menu-reset" disabled={saved.isDefault && !dirty}>{t('personal.menu.reset')}</Button>
          </Popconfirm>
          <Button type="primary" onClick={() => void save()} disabled={!dirty || items.length === 0} data-testid="menu-save">{t('common.save')}</Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('personal.menu.intro')}</Typography.Paragraph>
      <Row gutter={24}>
        <Col xs={24} md={14}>
          <Typography.Title level={5}>{t('personal.menu.current')}</Typography.Title>
          <div data-testid="menu-current" style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}>
            {items.map((key, index) => (
              <div
                key={key}
                data-testid={`menu-row-${key}`}
                draggable
                onDragStart={() => setDragging(index)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={() => {
                  if (dragging !== null) setItems(moveItem(items, dragging, index));
                  setDragging(null);
                }}
                onDragEnd={() => setDragging(null)}
                style={{ ...rowStyle, opacity: dragging === index ? 0.4 : 1, cursor: 'grab' }}
              >
                <HolderOutlined style={{ color: '#999' }} />
                <span style={{ flex: 1 }}>{label(key)}</span>
                <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={t('personal.menu.up')}
                  onClick={() => setItems(moveItem(items, index, index - 1))} data-testid={`menu-up-${key}`} />
                <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === items.length - 1} aria-label={t('personal.menu.down')}
                  onClick={() => setItems(moveItem(items, index, index + 1))} data-testid={`menu-down-${key}`} />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={items.length === 1} aria-label={t('personal.menu.remove')}
                  title={items.length === 1 ? t('personal.menu.atLeastOne') : t('personal.menu.remove')}
                  onClick={() => setItems(removeItem(items, key))} data-testid={`menu-remove-${key}`} />
              </div>
            ))}
          </div>
        </Col>
        <Col xs={24} md={10}>
          <Typography.Title level={5}>{t('personal.menu.available')}</Typography.Title>
          {addable.length === 0
            ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('personal.menu.allAdded')} />
            : (
              <div style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}>
                {addable.map((key) => (
                  <div key={key} style={rowStyle}>
                    <span style={{ flex: 1 }}>{label(key)}</span>
                    <Button size="small" icon={<PlusOutlined />} onClick={() => setItems(addItem(items, key))} data-testid={`menu-add-${key}`}>
                      {t('personal.menu.add')}
                    </Button>
                  </div>
                ))}
              </div>
            )}
        </Col>
      </Row>
    </Card>
  );
}
