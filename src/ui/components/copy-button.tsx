import { useState } from 'react';
import { useMessages } from '../i18n/use-messages.ts';

/** A button that copies text (a link) and says so in a live region. */
export function CopyButton({ label, text }: { label: string; text: () => string }) {
  const m = useMessages();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <span className="copy">
      <button type="button" className="button button--quiet" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy__status" role="status">
        {status === 'copied' ? m.copied : status === 'failed' ? m.copyFailed : ''}
      </span>
    </span>
  );
}
