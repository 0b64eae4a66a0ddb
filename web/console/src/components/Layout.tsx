import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { can, useApp } from '../app/context';
import { href } from '../app/router';

interface NavItem {
  page: string;
  label: string;
  shown: (role: ReturnType<typeof useApp>['operator']) => boolean;
}

const NAV: NavItem[] = [
  { page: 'overview', label: 'Overview', shown: () => true },
  { page: 'search', label: 'Search', shown: () => true },
  { page: 'reviews', label: 'Reviews', shown: can.review },
  { page: 'webhooks', label: 'Webhooks', shown: () => true },
  { page: 'clients', label: 'Clients', shown: () => true },
  { page: 'operators', label: 'Operators', shown: can.administer },
  { page: 'audit', label: 'Audit log', shown: can.administer },
];

interface LayoutProps {
  /** The nav entry this page belongs to (process pages belong to search). */
  section: string;
  title: string;
  children: ComponentChildren;
}

/**
 * The frame of every signed-in page: a skip link, the nav, who is signed in, and the page with its <h1>. The
 * heading takes the focus when the page changes, so a screen reader announces where the operator now is and
 * the keyboard starts from the top of the new content.
 */
export function Layout({ section, title, children }: LayoutProps) {
  const { operator, signOut } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} – OpenAssure console`;
    heading.current?.focus();
  }, [title]);

  return (
    <div class="shell">
      <a class="skip" href="#main" onClick={(event) => (event.preventDefault(), heading.current?.focus())}>
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">OpenAssure console</span>
        <span class="who">
          {operator.email} <span class="role">({operator.role})</span>
        </span>
        <button type="button" class="link" data-testid="sign-out" onClick={signOut}>
          Sign out
        </button>
      </header>
      <nav class="nav" aria-label="Console">
        <ul>
          {NAV.filter((item) => item.shown(operator)).map((item) => (
            <li key={item.page}>
              <a
                href={href(item.page)}
                data-testid={`nav-${item.page}`}
                aria-current={item.page === section ? 'page' : undefined}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" class="content">
        <h1 tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {children}
      </main>
    </div>
  );
}
