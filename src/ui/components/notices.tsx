import type { ReactNode } from 'react';
import { useSaved } from '../../store/saved.ts';
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

export function StorageNotice() {
  const reset = useSaved((s) => s.storageReset);
  const dismiss = useSaved((s) => s.dismissStorageReset);
  const m = useMessages();
  if (!reset) return null;
  return (
    <Notice tone="warn" onDismiss={dismiss}>
      {m.storageReset}
    </Notice>
  );
}
