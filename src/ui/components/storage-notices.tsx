import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../engine/paths.ts';
import { useCases } from '../../store/cases.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { Notice } from './notices.tsx';

/**
 * What the page must say about saved cases: storage that stopped keeping
 * them (full, blocked), cases written by a newer version, and saved data
 * that could not be read whole — kept aside, with a link to download it.
 */
export function StorageNotices() {
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
