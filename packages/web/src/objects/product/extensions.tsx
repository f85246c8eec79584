import { Button } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth/me';
import type { ListAction } from '../../records/extensions';
import type { SystemSection } from '../../settings/systemSections';
import { CategoryTreePage } from './CategoryTreePage';

/** 系统设置 → 产品目录: company set-up, kept by those who manage objects and fields (the server's rule too). */
export const productCategorySection: SystemSection = {
  key: 'product-categories', labelKey: 'product.categories.title', permission: 'metadata.manage', element: <CategoryTreePage />,
};

function ManageCategories() {
  const { t } = useTranslation();
  const { can } = useMe();
  if (!can('metadata.manage')) return null;
  return <Link to="/settings/system/product-categories"><Button icon={<ApartmentOutlined />} data-testid="manage-categories">{t('product.categories.manage')}</Button></Link>;
}

/** 产品目录 from the product list, for administrators. */
export const productListActions: ListAction[] = [{ key: 'product-categories', objects: ['product'], render: () => <ManageCategories /> }];
