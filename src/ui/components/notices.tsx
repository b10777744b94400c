import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../engine/paths.ts';
import { useCases } from '../../store/cases.ts';
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

/**
 * What the page must say about saved cases: storage that stopped keeping
 * them (full, blocked), cases written by a newer version, and saved data
 * that could not be read whole — kept aside, with a link to download it.
 */
export function StorageNotice() {
  const m = useMessages();
  const storage = useCases((s) => s.storage);
  const keptAside = useCases((s) => s.keptAside);
  const dismiss = useCases((s) => s.dismissKeptAside);
  const [download, setDownload] = useState<string>();
  return (
    <>
      {storage === 'failed' && (
        <Notice tone="warn">
          {m.storageFailed} <Link to={paths.cases.href()}>{m.storageFailedExport}</Link>
        </Notice>
      )}
      {storage === 'newer' && <Notice tone="warn">{m.storageNewer}</Notice>}
      {keptAside && (
        <Notice tone="warn" onDismiss={dismiss}>
          {m.storageKeptAside}{' '}
          {download ? (
            <a href={download} download="troubleshooter-saved-data.json">
              {m.storageKeptAsideSave}
            </a>
          ) : (
            <button
              type="button"
              className="link-button"
              onClick={() =>
                void import('../../store/cases-persist.ts').then(({ keptAsideText }) => {
                  const text = keptAsideText();
                  if (text !== null) setDownload(URL.createObjectURL(new Blob([text], { type: 'application/json' })));
                })
              }
            >
              {m.storageKeptAsideGet}
            </button>
          )}
        </Notice>
      )}
    </>
  );
}
