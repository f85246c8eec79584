import { ConfigProvider, Spin, App as AntApp } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ForcedPasswordChange } from './auth/ForcedPasswordChange';
import { LoginPage } from './auth/LoginPage';
import { MeProvider, useMe } from './auth/me';
import { VerifyEmailPage } from './personal/VerifyEmailPage';
import { Shell } from './shell/Shell';
import { placeholderRoutes, routes } from './shell/routes';

function Gate() {
  const { me, loading } = useMe();
  if (loading) return <Spin fullscreen />;
  if (!me) return <LoginPage />;
  if (me.mustChangePassword) return <ForcedPasswordChange />;
  return (
    <ConfigProvider locale={me.locale === 'en-US' ? enUS : zhCN}>
      <Routes>
        <Route element={<Shell />}>
          {[...routes, ...placeholderRoutes].map((r) => <Route key={r.path} path={r.path} element={r.element} />)}
        </Route>
      </Routes>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntApp>
        <BrowserRouter>
          <MeProvider>
            <Routes>
              {/* Public: the link in the verification email works signed out. */}
              <Route path="/verify-email" element={<VerifyEmailPage />} />
              <Route path="*" element={<Gate />} />
            </Routes>
          </MeProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
