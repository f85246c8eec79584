import { ConfigProvider, Spin, App as AntApp } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { LoginPage } from './auth/LoginPage';
import { MeProvider, useMe } from './auth/me';
import { Shell } from './shell/Shell';
import { placeholderRoutes, routes } from './shell/routes';

function Gate() {
  const { me, loading } = useMe();
  if (loading) return <Spin fullscreen />;
  if (!me) return <LoginPage />;
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
            <Gate />
          </MeProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
