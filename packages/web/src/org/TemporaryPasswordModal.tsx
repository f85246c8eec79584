import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Whose password it is, and the password; null closes the dialog. */
  shown: { name: string; login: string; password: string } | null;
  onClose(): void;
}

/** Shows a generated password the one time the server answers it; it cannot be read again later. */
export function TemporaryPasswordModal({ shown, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={shown !== null}
      title={t('org.password.title')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('org.password.done')}
      mask={{ closable: false }}
    >
      {shown && (
        <>
          <Alert type="warning" showIcon title={t('org.password.once')} style={{ marginBottom: 16 }} />
          <p>{t('org.password.for', { name: shown.name, login: shown.login })}</p>
          <Typography.Text code copyable style={{ fontSize: 18 }} data-testid="temporary-password">
            {shown.password}
          </Typography.Text>
        </>
      )}
    </Modal>
  );
}
