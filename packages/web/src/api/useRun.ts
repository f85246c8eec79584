import { App } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Runs a change and tells the user how it went: the server's own (localized) message on failure,
 * "已保存" (or the given message; none when null) on success. Answers whether it succeeded, so a
 * dialog knows to close.
 */
export function useRun() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return async function run(action: () => Promise<unknown>, success: string | null = t('common.saved')): Promise<boolean> {
    try {
      await action();
      if (success) void message.success(success);
      return true;
    } catch (error) {
      void message.error((error as Error).message);
      return false;
    }
  };
}
