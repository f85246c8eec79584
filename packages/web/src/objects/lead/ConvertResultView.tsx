import { Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { recordPath } from '../../records/paths';
import type { ConvertResult } from './api';

/** After 转换: links to the account (new or merged into), the contact and the opportunity. */
export function ConvertResultView({ result }: { result: ConvertResult }) {
  const { t } = useTranslation();
  const link = (object: 'account' | 'contact' | 'opportunity', made: { id: string; name: string }) => (
    <div>
      <Typography.Text type="secondary">{t(`leadConvert.${object}`)}：</Typography.Text>
      <Link to={recordPath(object, made.id)} data-testid={`convert-result-${object}`}>{made.name}</Link>
    </div>
  );
  return (
    <div data-testid="convert-result">
      <Result
        status="success" title={t('leadConvert.done')} style={{ padding: 16 }}
        subTitle={[
          result.account.merged ? t('leadConvert.doneMerged') : null,
          result.movedActivities ? t('leadConvert.doneActivities', { count: result.movedActivities }) : null,
        ].filter(Boolean).join('；')}
        extra={(
          <Space orientation="vertical" align="start">
            {link('account', result.account)}
            {link('contact', result.contact)}
            {result.opportunity && link('opportunity', result.opportunity)}
          </Space>
        )}
      />
    </div>
  );
}
