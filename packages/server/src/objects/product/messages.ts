import { defineMessages } from '../../platform/i18n/messages';

defineMessages({
  'product.catalogue_admins': { zh: '只有可以管理对象与字段的管理员可以维护产品和产品目录', en: 'Only administrators who manage objects and fields maintain products and the catalogue' },
  'product.category.bad_parent': { zh: '上级目录不存在', en: 'The parent category does not exist' },
  'product.category.cycle': { zh: '不能把目录移到它自己或它的下级目录之下', en: 'A category cannot move under itself or one of its subcategories' },
  'product.category.duplicate': { zh: '同一级下已有名为“{name}”的目录', en: 'A category named "{name}" already exists at this level' },
  'product.category.has_children': { zh: '目录“{name}”下还有子目录，请先删除或移走它们', en: 'Category "{name}" still has subcategories; delete or move them first' },
  'product.category.has_products': { zh: '目录“{name}”下还有 {count} 个产品，请先把产品移到其他目录', en: 'Category "{name}" still holds {count} products; move them to another category first' },
  'product.category.gone': { zh: '所选产品目录不存在或已被删除', en: 'The chosen category does not exist or was deleted' },
});
