import { App } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Runs a change and tells the administrator how it went: the server's own (localized) message on
 * failure, "已保存" on success. Answers whether it worked, so a dialog knows to close.
 */
export function useAction() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return async function act(action: () => Promise<unknown>, success: string = t('common.saved')): Promise<boolean> {
    try {
      await action();
      void message.success(success);
      return true;
    } catch (error) {
      void message.error((error as Error).message);
      return false;
    }
  };
}
