import type { ReactNode } from 'react';
import {
  AimOutlined, ApiOutlined, AppstoreOutlined, FlagOutlined, GiftOutlined, AuditOutlined, BarChartOutlined, CalendarOutlined, ContactsOutlined,
  DashboardOutlined, DollarOutlined, FileTextOutlined, FundOutlined, HomeOutlined, InboxOutlined,
  NotificationOutlined, ProfileOutlined, ShoppingCartOutlined, TeamOutlined, TrophyOutlined, UserOutlined,
} from '@ant-design/icons';

/** Icon and path of each navigation item the user can put in their menu (菜单管理). */
export const MENU_META: Record<string, { icon: ReactNode; path: string }> = {
  home: { icon: <HomeOutlined />, path: '/' },
  campaign: { icon: <NotificationOutlined />, path: '/campaign' },
  lead_pool: { icon: <InboxOutlined />, path: '/lead-pool' },
  lead: { icon: <AimOutlined />, path: '/lead' },
  account_pool: { icon: <AppstoreOutlined />, path: '/account-pool' },
  account: { icon: <TeamOutlined />, path: '/account' },
  contact: { icon: <ContactsOutlined />, path: '/contact' },
  opportunity: { icon: <FundOutlined />, path: '/opportunity' },
  contract: { icon: <FileTextOutlined />, path: '/contract' },
  order: { icon: <ShoppingCartOutlined />, path: '/order' },
  goal: { icon: <TrophyOutlined />, path: '/goal' },
  expense: { icon: <DollarOutlined />, path: '/expense' },
  activity: { icon: <ProfileOutlined />, path: '/activity' },
  task: { icon: <CalendarOutlined />, path: '/task' },
  analytics: { icon: <BarChartOutlined />, path: '/analytics' },
  dashboard: { icon: <DashboardOutlined />, path: '/dashboard' },
  report: { icon: <AuditOutlined />, path: '/report' },
  product: { icon: <GiftOutlined />, path: '/product' },
  partner: { icon: <ApiOutlined />, path: '/partner' },
  competitor: { icon: <FlagOutlined />, path: '/competitor' },
};
export const fallbackIcon = <UserOutlined />;
