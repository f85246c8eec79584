import { Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useMe } from '../auth/me';
import { personalApi, type Profile } from './api';
import { useRun } from '../api/useRun';

/** The interface language, stored on the user so it follows them to every device. */
export function LanguageTab() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { refresh } = useMe();
  const act = useRun();

  const choose = async (locale: Profile['locale']) => {
    if (await act(() => personalApi.updateProfile({ locale }), null)) await refresh();
  };

  return (
    <Space orientation="vertical">
      <Typography.Text>{t('personal.language.intro')}</Typography.Text>
      <Radio.Group value={me.locale} onChange={(e) => void choose(e.target.value as Profile['locale'])} data-testid="language-choice">
        <Radio.Button value="zh-CN">{t('personal.language.zh')}</Radio.Button>
        <Radio.Button value="en-US">{t('personal.language.en')}</Radio.Button>
      </Radio.Group>
    </Space>
  );
}
