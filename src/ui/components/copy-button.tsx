import { useState } from 'react';
import { useMessages } from '../i18n/use-messages.ts';

interface CopyButtonProps {
  label: string;
  /** Read when the button is pressed, so a link carries the latest state. */
  text: () => string;
  /** What the live region says after copying; a link's messages by default. */
  said?: { copied: string; failed: string };
  primary?: boolean;
}

/** A button that copies text and says so in a live region. */
export function CopyButton({ label, text, said, primary }: CopyButtonProps) {
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
  const { copied, failed } = said ?? { copied: m.copied, failed: m.copyFailed };
  return (
    <span className="copy">
      <button type="button" className={primary ? 'button' : 'button button--quiet'} onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy__status" role="status">
        {status === 'copied' ? copied : status === 'failed' ? failed : ''}
      </span>
    </span>
  );
}
