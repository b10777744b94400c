import { useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { readCaseFile, writeCaseFile, type CaseFileError } from '../../engine/case-file.ts';
import { lastPosition, RETENTION_CHOICES, type Case } from '../../engine/cases.ts';
import { paths } from '../../engine/paths.ts';
import { redact } from '../../engine/redact.ts';
import { openCases, useCases } from '../../store/cases.ts';
import { useLang, useToolMessages } from '../i18n/use-messages.ts';
import { htmlLang } from '../i18n/lang.ts';
import { treeSummaries } from '../tree-summaries.ts';
import { useDocumentTitle } from '../use-document-title.ts';

/**
 * `/cases`: every case (ticket) this browser keeps. Open ones can be resumed,
 * renamed, exported to hand over, closed or deleted; closed ones are removed
 * after the retention the person sets. A case file from a colleague is
 * imported here and resumes at its step.
 */
export function CasesPage() {
  const m = useToolMessages();
  const lang = useLang();
  const all = useCases((s) => s.cases);
  const retention = useCases((s) => s.retentionDays);
  const setRetention = useCases((s) => s.setRetention);
  const removeAll = useCases((s) => s.removeAll);
  const [confirming, setConfirming] = useState(false);
  const retentionId = useId();
  useDocumentTitle(`${m.casesTitle} · ${m.appName}`);
  const guides = treeSummaries(lang);
  const open = openCases({ cases: all });
  const closed = Object.values(all)
    .filter((c) => c.closedAt !== undefined)
    .sort((a, b) => b.closedAt! - a.closedAt!);
  const guideTitle = (tree: string) => guides.find((g) => g.id === tree)?.title ?? tree;

  return (
    <div className="page narrow cases-page">
      <h1>{m.casesTitle}</h1>
      <p className="lead">{m.casesLead}</p>
      <ImportCase />

      <section aria-labelledby="open-cases">
        <h2 id="open-cases">{m.casesOpen(open.length)}</h2>
        {open.length === 0 ? <p className="muted">{m.casesNoneOpen}</p> : <CaseList cases={open} guideTitle={guideTitle} />}
      </section>

      <section aria-labelledby="closed-cases">
        <h2 id="closed-cases">{m.casesClosed(closed.length)}</h2>
        <p>
          <label htmlFor={retentionId}>{m.casesRetention}</label>{' '}
          <select id={retentionId} value={retention} onChange={(e) => setRetention(Number(e.target.value))}>
            {RETENTION_CHOICES.map((d) => (
              <option key={d} value={d}>
                {m.casesDays(d)}
              </option>
            ))}
          </select>
        </p>
        {closed.length > 0 && <CaseList cases={closed} guideTitle={guideTitle} />}
      </section>

      {Object.keys(all).length > 0 && (
        <section aria-labelledby="delete-all" className="panel cases-page__danger">
          <h2 id="delete-all">{m.casesDeleteAllTitle}</h2>
          {confirming ? (
            <p role="alert">
              {m.casesDeleteAllConfirm(Object.keys(all).length)}{' '}
              <button
                type="button"
                className="button button--danger"
                onClick={() => {
                  removeAll();
                  setConfirming(false);
                }}
              >
                {m.casesDeleteAllYes}
              </button>{' '}
              <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
                {m.casesCancel}
              </button>
            </p>
          ) : (
            <p>
              <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
                {m.casesDeleteAll}
              </button>
            </p>
          )}
        </section>
      )}
    </div>
  );
}

function CaseList({ cases, guideTitle }: { cases: Case[]; guideTitle: (tree: string) => string }) {
  return (
    <ul className="case-list">
      {cases.map((c) => (
        <li key={c.id}>
          <CaseRow c={c} guideTitle={guideTitle} />
        </li>
      ))}
    </ul>
  );
}

function CaseRow({ c, guideTitle }: { c: Case; guideTitle: (tree: string) => string }) {
  const m = useToolMessages();
  const lang = useLang();
  const activate = useCases((s) => s.activate);
  const setTicket = useCases((s) => s.setTicket);
  const close = useCases((s) => s.close);
  const reopen = useCases((s) => s.reopen);
  const remove = useCases((s) => s.remove);
  const active = useCases((s) => s.active);
  const navigate = useNavigate();
  const [renaming, setRenaming] = useState(false);
  const [maskExport, setMaskExport] = useState(true);
  const nameId = useId();
  const maskId = useId();
  const at = lastPosition(c);
  const notes = Object.values(c.notes).filter((n) => n.text).length;
  const name = c.ticket || m.caseUntitled;
  const resume = () => {
    activate(c.id);
    navigate(at ? paths.step.href(at.tree, at.step, at.trail || undefined, at.facts) : paths.home.href());
  };
  const exportCase = () => {
    const text = writeCaseFile(c, new Date(), maskExport ? (s) => redact(s, m.summary.mask).text : undefined);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    a.download = `case-${(c.ticket || c.id).replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  return (
    <article className={`case-row${c.id === active ? ' case-row--active' : ''}`} aria-label={name}>
      <header className="case-row__head">
        {renaming ? (
          <span className="case-row__rename">
            <label htmlFor={nameId} className="visually-hidden">
              {m.caseTicket}
            </label>
            <input
              id={nameId}
              defaultValue={c.ticket}
              maxLength={80}
              autoFocus
              onBlur={(e) => (setTicket(c.id, e.target.value), setRenaming(false))}
              onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
            />
          </span>
        ) : (
          <h3 className="case-row__name">{name}</h3>
        )}
        {c.id === active && <span className="badge badge--question">{m.casesThisTab}</span>}
      </header>
      <p className="muted small">
        {at ? `${guideTitle(at.tree)} · ${at.title}` : m.casesNoGuide} · {m.casesNotes(notes)} ·{' '}
        {m.casesChanged(new Date(c.updatedAt).toLocaleString(htmlLang(lang)))}
      </p>
      <p className="actions case-row__actions">
        <button type="button" className="button button--small" onClick={resume}>
          {c.closedAt === undefined ? m.casesResume : m.casesReopen}
        </button>
        {!renaming && (
          <button type="button" className="button button--quiet button--small" onClick={() => setRenaming(true)}>
            {m.casesRename}
          </button>
        )}
        <button type="button" className="button button--quiet button--small" onClick={exportCase}>
          {m.casesExport}
        </button>
        <span className="case-row__mask">
          <input id={maskId} type="checkbox" checked={maskExport} onChange={(e) => setMaskExport(e.target.checked)} />
          <label htmlFor={maskId} className="small">
            {m.casesExportMasked}
          </label>
        </span>
        {c.closedAt === undefined ? (
          <button type="button" className="button button--quiet button--small" onClick={() => close(c.id)}>
            {m.casesClose}
          </button>
        ) : (
          <button type="button" className="button button--quiet button--small" onClick={() => reopen(c.id)}>
            {m.casesReopenOnly}
          </button>
        )}
        <button type="button" className="button button--quiet button--small" onClick={() => remove(c.id)}>
          {m.casesDelete}
        </button>
      </p>
    </article>
  );
}

/** Imports a case file a colleague exported: it opens at the same step with the same notes. */
function ImportCase() {
  const m = useToolMessages();
  const importCase = useCases((s) => s.importCase);
  const navigate = useNavigate();
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<CaseFileError | 'unreadable'>();
  const fileId = useId();
  const open = async (file: File | undefined) => {
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setError('unreadable');
      return;
    }
    const read = readCaseFile(text);
    if (!read.ok) {
      setError(read.error);
      return;
    }
    setError(undefined);
    importCase(read.case);
    const at = lastPosition(read.case);
    navigate(at ? paths.step.href(at.tree, at.step, at.trail || undefined, at.facts) : paths.cases.href());
  };
  return (
    <div className="cases-page__import">
      <label htmlFor={fileId} className="button button--quiet">
        {m.casesImport}
      </label>
      <input
        id={fileId}
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        className="visually-hidden-file"
        onChange={(e) => {
          void open(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <span className="muted small">{m.casesImportHint}</span>
      {error && (
        <p className="notice notice--warn" role="alert">
          {m.casesImportError[error]}
        </p>
      )}
      <p className="muted small">
        <Link to={paths.home.href()}>{m.goHome}</Link>
      </p>
    </div>
  );
}
