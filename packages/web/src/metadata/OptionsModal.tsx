import { Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me';
import { metadataApi, type AdminField, type OptionDraft } from './api';
import { labelIn } from './names';
import { cleanOptions, OptionsEditor } from './OptionsEditor';
import { useRun } from '../api/useRun';

interface Props {
  object: string;
  field: AdminField | null;
  onClose(): void;
  onSaved(): void;
}

/** 编辑选项 of a picklist, standard or custom: order, labels, enabled; new options; unused ones removed. */
export function OptionsModal({ object, field, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const act = useRun();
  const [options, setOptions] = useState<OptionDraft[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setOptions(field?.options?.map((o) => ({ value: o.value, label: { zh: o.label.zh, en: o.label.en === o.label.zh ? '' : o.label.en }, enabled: o.enabled })) ?? []);
  }, [field]);

  const save = async () => {
    if (!field) return;
    setSaving(true);
    const ok = await act(() => metadataApi.setOptions(object, field.key, cleanOptions(options)));
    setSaving(false);
    if (ok) {
      onSaved();
      onClose();
    }
  };

  return (
    <Modal
      open={field !== null} width={720} destroyOnHidden confirmLoading={saving} onCancel={onClose} onOk={() => void save()}
      title={field ? t('metadata.options.title', { name: labelIn(field.label, me.locale) }) : ''}
    >
      <OptionsEditor value={options} onChange={setOptions} />
    </Modal>
  );
}
