import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useApp } from '../app/context';
import { LanguagePicker } from './LanguagePicker';

interface LayoutProps {
  title: string;
  /** Focus moves to the heading whenever this changes, so screen readers announce the new step. */
  stepKey: string;
  progress?: { current: number; total: number } | undefined;
  children: ComponentChildren;
}

export function Layout({ title, stepKey, progress, children }: LayoutProps) {
  const { t, pageTitle, accessibilityLink, showAccessibility, requestCancel } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [stepKey]);

  useEffect(() => {
    document.title = `${title} – ${pageTitle}`;
  }, [title, pageTitle]);

  return (
    <div class="page">
      <header class="page-header">
        <LanguagePicker />
      </header>
      <main class="page-main">
        {progress && progress.total > 1 && (
          <p class="progress">{t('app.stepOf', { current: progress.current, total: progress.total })}</p>
        )}
        <h1 tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {children}
      </main>
      {(requestCancel || accessibilityLink) && (
        <footer class="page-footer">
          {requestCancel && (
            <button type="button" class="link" data-testid="cancel" onClick={requestCancel}>
              {t('cancel.link')}
            </button>
          )}
          {accessibilityLink && (
            <button type="button" class="link" onClick={showAccessibility}>
              {t('app.accessibilityLink')}
            </button>
          )}
        </footer>
      )}
    </div>
  );
}
