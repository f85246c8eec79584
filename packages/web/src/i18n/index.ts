import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { account } from './account';
import { activity } from './activity';
import { activityRecords } from './activityRecords';
import { analytics } from './analytics';
import { campaign } from './campaign';
import { common } from './common';
import { dataio } from './dataio';
import { dataioExport } from './dataioExport';
import { dedupe } from './dedupe';
import { help } from './help';
import { leadConvert } from './leadConvert';
import { metadata } from './metadata';
import { notifications } from './notifications';
import { opportunityLines } from './opportunityLines';
import { org } from './org';
import { personal } from './personal';
import { pool } from './pool';
import { search } from './search';
import { records } from './records';
import { registry } from './registry';
import { salesProcess } from './salesProcess';
import { region } from './region';

/** Every area's catalogue; add yours here. Keys are namespaced by area ("org.", "personal.", …). */
const catalogues = [common, campaign, org, personal, notifications, help, dedupe, search, activity, records, region, metadata, pool, analytics, leadConvert, registry, account, salesProcess, opportunityLines, activityRecords, dataio, dataioExport];

const merge = (lang: 'zh' | 'en') => Object.assign({}, ...catalogues.map((c) => c[lang] as Record<string, string>)) as Record<string, string>;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: merge('zh') }, 'en-US': { translation: merge('en') } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
});

export default i18n;
