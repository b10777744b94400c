import { lazy, Suspense, useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigationType, ScrollRestoration, useRouteError } from 'react-router';
import { paths, sitePath } from '../engine/paths.ts';
import { hrefInLang, htmlLang } from './i18n/lang.ts';
import { useLang, useMessages } from './i18n/use-messages.ts';
import { startPersisting } from '../store/cases.ts';
import { noteInAppNavigation } from './cases/case-entry.ts';
import { useOfflineUi } from './offline.ts';
import { EMBEDDED } from './embed/flag.ts';
import { useCases } from '../store/cases.ts';

function Header() {
  const m = useMessages();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <div className="site-header__inner">
        <Link to={paths.home.href()} className="brand">
          <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28">
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path d="M9 16.5l4.5 4.5L23 11" fill="none" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span>{m.appName}</span>
        </Link>
        <nav aria-label={m.navSite}>
          <NavLink to={paths.home.href()} end>
            {m.navHome}
          </NavLink>
          <NavLink to={paths.codes.href()}>{m.navCodes}</NavLink>
          <NavLink to={paths.analyze.href()}>{m.navAnalyze}</NavLink>
          <NavLink to={paths.cases.href()}>{m.navCases}</NavLink>
          <LangSwitch />
        </nav>
      </div>
    </header>
  );
}

/**
 * The other language, as a plain link: switching reloads the page in that
 * language (`?lang=`, then remembered), so content and UI change together.
 */
function LangSwitch() {
  const lang = useLang();
  const location = useLocation();
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <a className="lang-switch" href={sitePath(hrefInLang(other, location))} hrefLang={htmlLang(other)} lang={htmlLang(other)}>
      {other === 'zh' ? '中文' : 'English'}
    </a>
  );
}

/** The page is now rendered in its language: show it (see data-lang-pending in app.css). */
function useRevealed() {
  useEffect(() => document.documentElement.removeAttribute('data-lang-pending'), []);
}

/** What the page must say about saved cases; its own chunk, loaded only when there is something to say. */
const StorageNotices = lazy(() => import('./components/storage-notices.tsx').then((m) => ({ default: m.StorageNotices })));
function StorageNotice() {
  const show = useCases((s) => s.storage !== 'ok' || s.keptAside);
  return show ? (
    <Suspense fallback={null}>
      <StorageNotices />
    </Suspense>
  ) : null;
}

export function Layout() {
  useRevealed();
  // The saved cases are read once the page is live (they are not needed to draw it).
  useEffect(() => void startPersisting(), []);
  // A link followed inside the app: the next step page stays in this tab's case (src/ui/cases/case-entry.ts).
  const navigationType = useNavigationType();
  const { key } = useLocation();
  useEffect(() => {
    if (navigationType === 'PUSH') noteInAppNavigation();
  }, [navigationType, key]);
  // The update prompt and the "available offline" line, once a service worker is registered (src/ui/offline.ts).
  // The footer is a live region from the first render, so the line is announced when it appears or changes.
  const offline = useOfflineUi();
  return (
    <>
      {/* In a help desk's sidebar (?embed=1) the desk is the site: no header. */}
      {!EMBEDDED && <Header />}
      <main id="main" className="site-main">
        {offline && <offline.UpdatePrompt />}
        <StorageNotice />
        <Outlet />
      </main>
      <footer className="site-footer" aria-live="polite">
        {offline && <offline.OfflineStatus />}
      </footer>
      <ScrollRestoration />
    </>
  );
}

/** Shown when a page throws (a chunk that failed to load, a bug): never a blank screen. */
export function RouteError() {
  const error = useRouteError();
  useRevealed();
  const m = useMessages();
  console.error(error);
  return (
    <>
      {!EMBEDDED && <Header />}
      <main id="main" className="site-main">
        <div className="page narrow">
          <h1>{m.somethingWrong}</h1>
          <p>{m.loadFailed}</p>
          <p className="actions">
            <button type="button" className="button" onClick={() => window.location.reload()}>
              {m.reload}
            </button>
            <Link className="button button--quiet" to={paths.home.href()}>
              {m.goHome}
            </Link>
          </p>
        </div>
      </main>
    </>
  );
}
