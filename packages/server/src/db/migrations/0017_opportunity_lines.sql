-- 产品目录 and what an opportunity holds beside its fields (§3.7.5): product lines, contacts with
-- their roles in the decision chain, and the partners and competitors picked from their libraries.

-- 产品目录: the catalogue's category tree. Cycles are refused by the code that moves a category
-- (objects/product/category-tree.ts), under a per-company advisory lock.
CREATE TABLE product_categories (
  tenant_id   uuid NOT NULL REFERENCES tenants(id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  parent_id   uuid,
  name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  sort_order  integer NOT NULL DEFAULT 0,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CHECK (parent_id IS DISTINCT FROM id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES product_categories(tenant_id, id)
);
-- Sibling names are unique (top-level ones among themselves).
CREATE UNIQUE INDEX product_categories_name_ux
  ON product_categories (tenant_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(btrim(name)));

-- A product's category is a picklist of the engine whose options are the tree's paths, so the
-- column is text like every picklist (the engine compares picklist values as text); the product
-- hooks hold the category row while a product points to it, and a used category cannot be deleted.
ALTER TABLE products ADD COLUMN category_id text;
CREATE INDEX products_category_ix ON products (tenant_id, category_id);

-- 产品明细: total = price × quantity × discount% rounded half-up to the cent (one rounding, at the
-- end; e.g. 3 × 33.33 at 95 → 94.99). The check states the rule exactly: total × 100 is the product
-- rounded to a whole number (PostgreSQL rounds numeric halves away from zero, i.e. up here).
CREATE TABLE opportunity_products (
  tenant_id      uuid NOT NULL,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  opportunity_id uuid NOT NULL,
  product_id     uuid NOT NULL,
  price          numeric(18,2) NOT NULL CHECK (price >= 0),
  quantity       numeric(14,4) NOT NULL CHECK (quantity > 0),
  -- Percent of the price charged (折扣 100 = full price, 95 = 九五折).
  discount       numeric(5,2) NOT NULL DEFAULT 100 CHECK (discount > 0 AND discount <= 100),
  total          numeric(18,2) NOT NULL,
  remark         text,
  position       integer NOT NULL DEFAULT 0,
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_by     uuid,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CHECK (total * 100 = round(price * quantity * discount)),
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunities(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, product_id) REFERENCES products(tenant_id, id)
);
CREATE INDEX opportunity_products_opportunity_ix ON opportunity_products (tenant_id, opportunity_id, position);
CREATE INDEX opportunity_products_product_ix ON opportunity_products (tenant_id, product_id);

-- 联系人 of an opportunity with their role (决策者, 影响者 …): the decision chain.
CREATE TABLE opportunity_contacts (
  tenant_id      uuid NOT NULL,
  opportunity_id uuid NOT NULL,
  contact_id     uuid NOT NULL,
  role           text NOT NULL,
  remark         text,
  added_by       uuid,
  added_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, opportunity_id, contact_id),
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunities(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX opportunity_contacts_contact_ix ON opportunity_contacts (tenant_id, contact_id);

-- 合作伙伴 and 竞争对手 picked from their libraries, each with a note on this opportunity
-- (the competitor's strengths here, our strategy). A library entry in use is not deleted.
CREATE TABLE opportunity_partners (
  tenant_id      uuid NOT NULL,
  opportunity_id uuid NOT NULL,
  partner_id     uuid NOT NULL,
  note           text,
  added_by       uuid,
  added_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, opportunity_id, partner_id),
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunities(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, partner_id) REFERENCES partners(tenant_id, id)
);
CREATE INDEX opportunity_partners_partner_ix ON opportunity_partners (tenant_id, partner_id);

CREATE TABLE opportunity_competitors (
  tenant_id      uuid NOT NULL,
  opportunity_id uuid NOT NULL,
  competitor_id  uuid NOT NULL,
  note           text,
  added_by       uuid,
  added_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, opportunity_id, competitor_id),
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunities(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, competitor_id) REFERENCES competitors(tenant_id, id)
);
CREATE INDEX opportunity_competitors_competitor_ix ON opportunity_competitors (tenant_id, competitor_id);
