import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import i18n from '../i18n';
import { ApiError, get, post, setCsrfToken } from '../api/client';

/** The signed-in user as GET /api/v1/auth/me answers it. */
export interface Me {
  id: string;
  tenantId: string;
  tenantName: string;
  login: string;
  name: string;
  email: string | null;
  emailVerified: boolean;
  mobile: string | null;
  mobileVerified: boolean;
  departmentId: string;
  departmentName: string;
  locale: 'zh-CN' | 'en-US';
  roles: string[];
  permissions: string[];
  isAdmin: boolean;
  avatarUrl: string | null;
  menu: string[];
  mustChangePassword: boolean;
  csrfToken: string | null;
}

interface MeState {
  me: Me | null;
  loading: boolean;
  /** Re-reads the user after a change to their profile, menu or language. */
  refresh(): Promise<void>;
  signIn(login: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  can(permission: string): boolean;
}

const MeContext = createContext<MeState | null>(null);

function adopt(me: Me | null) {
  setCsrfToken(me?.csrfToken ?? null);
  if (me) void i18n.changeLanguage(me.locale);
  document.documentElement.lang = me?.locale ?? 'zh-CN';
}

export function MeProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const next = await get<Me>('/api/v1/auth/me');
      adopt(next);
      setMe(next);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      adopt(null);
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value: MeState = {
    me,
    loading,
    refresh,
    async signIn(login, password) {
      const next = await post<Me>('/api/v1/auth/login', { login, password });
      adopt(next);
      setMe(next);
    },
    async signOut() {
      await post('/api/v1/auth/logout').catch(() => {});
      adopt(null);
      setMe(null);
    },
    can: (permission) => !!me && (me.isAdmin || me.permissions.includes(permission)),
  };
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

export function useMe(): MeState {
  const state = useContext(MeContext);
  if (!state) throw new Error('useMe outside MeProvider');
  return state;
}

/** For pages behind sign-in: the user is known there. */
export function useCurrentUser(): Me {
  const { me } = useMe();
  if (!me) throw new Error('no signed-in user');
  return me;
}
