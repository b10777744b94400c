import { Link } from 'react-router';
import type { CodeEntry, RetryAdvice } from '../../engine/model.ts';
import { paths } from '../../engine/paths.ts';
import { useToolMessages } from '../i18n/use-messages.ts';

export function RetryBadge({ retry }: { retry: RetryAdvice }) {
  const m = useToolMessages();
  return <span className={`badge badge--retry-${retry}`}>{m.retry[retry]}</span>;
}

export function PlatformLabel({ platform }: { platform: CodeEntry['platform'] }) {
  const m = useToolMessages();
  return <span className="platform-label">{m.codePlatform[platform]}</span>;
}

/** The wizard step that handles a code, as a link (`tree-id/step-id`). */
export function stepHref(step: string): string {
  const [tree = '', id = ''] = step.split('/');
  return paths.step.href(tree, id);
}

export function CodeLink({ entry, children }: { entry: CodeEntry; children?: React.ReactNode }) {
  return <Link to={paths.code.href(entry.platform, entry.code)}>{children ?? entry.code}</Link>;
}
