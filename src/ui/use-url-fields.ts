import { useState } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';
import { hasSecrets } from '../engine/redact.ts';

/**
 * A pasted envelope or log line rather than words to search for: a search box
 * keeps such text out of the URL (a reload would send the URL to the host, and
 * a log may hold secrets), and the home search offers it to the analyzer.
 */
export const looksLikeLog = (q: string): boolean => q.length > 80 || /[{<]|result-status|Exception|error_response|"error"/.test(q);

/**
 * Text a search box searches but never writes into the address: a log or an
 * error body (above), or anything the ticket summary would mask — an
 * AccessKey, a `password=…`, a phone number. The address goes into the
 * history, the host's logs on a reload and every link built from it.
 */
export const keepOutOfUrl = (q: string): boolean => looksLikeLog(q) || hasSecrets(q);

/**
 * Form fields mirrored in the query string (`/codes?q=…&platform=…`, `/?q=…`),
 * so Back returns to a search and a search can be linked.
 *
 * The fields own their values and the URL follows them: every change writes
 * all the keys at once, with REPLACE (typing makes no history entries).
 * Reading the values back from the URL lost a change made before the previous
 * one reached it (clear the search, pick a platform at once: the old query came
 * back). A PUSH or POP to the page (a link to `/codes`, Back) is the person
 * asking for that search, so then the fields take the URL's values.
 */
export function useUrlFields<K extends string>(
  keys: readonly K[],
): [Record<K, string>, (patch: Partial<Record<K, string>>, opts?: { outOfUrl?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const fromUrl = () => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const [values, setValues] = useState(fromUrl);
  const { key } = useLocation();
  const navigationType = useNavigationType();
  const [seenKey, setSeenKey] = useState(key);
  if (key !== seenKey) {
    setSeenKey(key);
    if (navigationType !== 'REPLACE') setValues(fromUrl());
  }
  /** `outOfUrl`: the patched values stay in the page only (text that may hold secrets: a reload would send the URL to the host). */
  const update = (patch: Partial<Record<K, string>>, opts?: { outOfUrl?: boolean }) => {
    const nextValues = { ...values, ...patch };
    setValues(nextValues);
    const next = new URLSearchParams(window.location.search);
    for (const k of keys) {
      if (nextValues[k] && !(opts?.outOfUrl && k in patch)) next.set(k, nextValues[k]);
      else next.delete(k);
    }
    setParams(next, { replace: true, preventScrollReset: true });
  };
  return [values, update];
}
