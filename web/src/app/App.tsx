import { lazy, Suspense } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { signOut, useSession, type Viewer } from '../auth/session';
import { SignInScreen } from '../domains/accounts/SignInScreen';
import { RegisterScreen } from '../domains/accounts/RegisterScreen';
import { domainScreens } from '../domains/registry';
import { ReminderToasts } from '../domains/todos/Reminders';

/** Not a domain screen of the navigation: where the invitation e-mail's link lands. */
const AcceptInvitation = lazy(() => import('../domains/tenancy/AcceptInvitation'));
import { Loading } from '../ui/status';

export function App() {
  const state = useSession();
  if (state.status === 'restoring') return <Loading label="Restoring your session…" />;
  if (state.status === 'signed-out') {
    return (
      <Routes>
        <Route path="register" element={<RegisterScreen />} />
        <Route path="*" element={<SignInScreen notice={state.notice} />} />
      </Routes>
    );
  }
  return <SignedIn viewer={state.viewer} />;
}

function SignedIn({ viewer }: { viewer: Viewer }) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Mosaic</span>
        <nav aria-label="Domains">
          <ul>
            {domainScreens.map((screen) => (
              <li key={screen.path}>
                <NavLink to={`/${screen.path}`}>{screen.title}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span aria-label="Signed in as">{viewer.displayName}</span>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Routes>
            {domainScreens.map(({ path, Screen }) => (
              <Route key={path} path={`${path}/*`} element={<Screen />} />
            ))}
            <Route path="invitations/accept" element={<AcceptInvitation />} />
            <Route path="*" element={<Navigate to={`/${domainScreens[0]!.path}`} replace />} />
          </Routes>
        </Suspense>
      </main>
      <ReminderToasts />
    </div>
  );
}
