// Prints CREATE TABLE statements for the standard objects from their metadata. Used once to write a
// migration by hand-review; migrations themselves stay plain, frozen SQL.
import { STANDARD_OBJECTS } from '../packages/server/src/metadata/objects';
import type { StandardField } from '../packages/server/src/metadata/define';

const COMMON = new Set(['ownerId', 'departmentId', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt', 'lastActivityAt']);
const sqlType = (f: StandardField): string => ({
  text: 'text', textarea: 'text', phone: 'text', email: 'text', url: 'text', picklist: 'text', autonumber: 'text',
  multipicklist: 'text[]', number: 'numeric', currency: 'numeric(18,2)', percent: 'numeric(9,4)', date: 'date',
  datetime: 'timestamptz', boolean: 'boolean', lookup: 'uuid', user: 'uuid', department: 'uuid', region: 'jsonb',
})[f.type];

for (const o of STANDARD_OBJECTS) {
  const lines = ['  tenant_id        uuid NOT NULL', '  id               uuid NOT NULL DEFAULT gen_random_uuid()'];
  const fks: string[] = [];
  for (const f of o.fields) {
    if (COMMON.has(f.key)) continue;
    const def = f.defaultValue === undefined ? '' : ` DEFAULT ${typeof f.defaultValue === 'string' ? `'${f.defaultValue}'` : String(f.defaultValue)}`;
    lines.push(`  ${f.column.padEnd(16)} ${sqlType(f)}${f.required && !f.readOnly ? ' NOT NULL' : ''}${def}`);
    if (f.type === 'lookup' && f.lookup) {
      const target = STANDARD_OBJECTS.find((x) => x.key === f.lookup)!;
      fks.push(`  FOREIGN KEY (tenant_id, ${f.column}) REFERENCES ${target.table}(tenant_id, id)`);
    }
  }
  if (o.owned) {
    lines.push('  owner_id         uuid', '  department_id    uuid', '  last_activity_at timestamptz');
    fks.push('  FOREIGN KEY (tenant_id, owner_id) REFERENCES users(tenant_id, id)', '  FOREIGN KEY (tenant_id, department_id) REFERENCES departments(tenant_id, id)');
  }
  lines.push(
    "  custom           jsonb NOT NULL DEFAULT '{}'",
    "  search_text      text NOT NULL DEFAULT ''",
    '  version          integer NOT NULL DEFAULT 1',
    '  created_by       uuid',
    '  created_at       timestamptz NOT NULL DEFAULT now()',
    '  updated_by       uuid',
    '  updated_at       timestamptz NOT NULL DEFAULT now()',
    '  PRIMARY KEY (tenant_id, id)',
  );
  console.log(`CREATE TABLE ${o.table} (\n${[...lines, ...fks].join(',\n')}\n);`);
  console.log(`CREATE INDEX ${o.table}_created_ix ON ${o.table} (tenant_id, created_at DESC, id);`);
  if (o.owned) {
    console.log(`CREATE INDEX ${o.table}_owner_ix ON ${o.table} (tenant_id, owner_id, created_at DESC, id);`);
    console.log(`CREATE INDEX ${o.table}_activity_ix ON ${o.table} (tenant_id, last_activity_at);`);
  }
  if (o.searchFields.length) console.log(`CREATE INDEX ${o.table}_search_ix ON ${o.table} USING gin (search_text gin_trgm_ops);`);
  for (const f of o.fields) if (f.type === 'lookup') console.log(`CREATE INDEX ${o.table}_${f.column}_ix ON ${o.table} (tenant_id, ${f.column});`);
  console.log(`CREATE INDEX ${o.table}_custom_ix ON ${o.table} USING gin (custom jsonb_path_ops);\n`);
}
