import type { ReactNode } from 'react';
import { useMessages } from '../i18n/use-messages.ts';

/** A calm message above the content; announced politely to screen readers. */
export function Notice({ children, onDismiss, tone = 'info' }: { children: ReactNode; onDismiss?: () => void; tone?: 'info' | 'warn' }) {
  const m = useMessages();
  return (
    <div className={`notice notice--${tone}`} role="status">
      <p>{children}</p>
      {onDismiss && (
        <button type="button" className="button button--quiet button--small" onClick={onDismiss}>
          {m.dismiss}
        </button>
      )}
    </div>
  );
}
