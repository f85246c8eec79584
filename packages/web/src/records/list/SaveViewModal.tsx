import { Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the list's current filters and saves them as a view of one's own (常用检索, §3.5.5). */
export function SaveViewModal({ open, onClose, onSave }: { open: boolean; onClose(): void; onSave(name: string): Promise<boolean> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open) setName('');
  }, [open]);
  const save = async () => {
    if (!name.trim()) return;
    setSaving(true);
    try {
      if (await onSave(name.trim())) onClose();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open} title={t('records.view.saveAs')} onCancel={onClose} onOk={() => void save()} destroyOnHidden
      okButtonProps={{ disabled: !name.trim(), loading: saving, ...{ 'data-testid': 'save-view-ok' } }}
    >
      <Input
        autoFocus placeholder={t('records.advanced.viewName')} value={name} maxLength={50}
        onChange={(e) => setName(e.target.value)} onPressEnter={() => void save()} data-testid="save-view-name"
      />
    </Modal>
  );
}
