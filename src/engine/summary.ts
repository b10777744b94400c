import { FACT_KEYS, type FactKey } from './facts.ts';
import { hasAnswers, type Block, type Inline, type Markdown, type OutcomeResult, type Tree } from './model.ts';
import { inlineText as inlineTextAs } from './markdown-text.ts';
import { addMasked, redact, type Redacted, type SecretKind } from './redact.ts';
import type { Session } from './session.ts';

/**
 * The ticket summary: what happened in a session, as Markdown and as plain
 * text, ready to paste into a ticket. Built from the session (the URL), the
 * person's notes and the findings of a log they pasted. Everything the
 * person typed or pasted is masked (src/engine/redact.ts) before it is shown
 * for sharing; the content's own texts are not (they hold no secrets).
 */

/** A finding from the analyzer, as much of it as a ticket needs (never the log itself). */
export interface SummaryFinding {
  platform: string;
  code: string;
  subCode?: string;
  http?: number;
  title?: string;
  /** Trace ids / request ids, as `name: value`. */
  ids: string[];
}

/** The words of the summary, from the UI catalogue of the page's language. */
export interface SummaryLabels {
  heading: string;
  guide: string;
  date: string;
  link: string;
  result: string;
  resultKind: Record<OutcomeResult, string>;
  findings: string;
  steps: string;
  answered: (answer: string) => string;
  current: string;
  checklist: string;
  ok: string;
  bad: string;
  unmarked: string;
  note: string;
  fix: string;
  httpStatus: (status: number) => string;
  ticket: string;
  facts: string;
  factNames: Record<FactKey, string>;
  otherNotes: string;
  escalation: string;
  asks: string;
  missing: string;
  stillMissing: (names: string) => string;
  nothingMissing: string;
  /** What a masked value reads as, in the summary's language (default: "[masked token]"). */
  mask?: (kind: SecretKind) => string;
}

export interface SummaryInput {
  tree: Tree;
  session: Session;
  /** Step id → the person's note (any step of this guide, in this case). */
  notes: Record<string, string>;
  /** The case's ticket reference and known facts. */
  ticket?: string;
  facts?: Partial<Record<FactKey, string>>;
  /** Checklist marks of the current step (earlier steps carry theirs in the session). */
  currentTicks?: Record<string, 'ok' | 'bad'>;
  findings: SummaryFinding[];
  /** The session link (absolute URL). */
  link: string;
  /** When the summary was made. */
  date: Date;
  labels: SummaryLabels;
}

export interface TicketSummary {
  markdown: string;
  plain: string;
  /** What was masked, over everything the person typed or pasted. */
  masked: Redacted['masked'];
}

/** A line of the summary, kept structured until the end so it can be written as Markdown or as plain text. */
type Line = { h: string } | { h3: string } | { text: string; indent?: number; bullet?: string } | { blank: true } | { pre: string };

export function buildSummary(input: SummaryInput): TicketSummary {
  const { tree, session, labels: l } = input;
  let masked: Redacted['masked'] = {};
  /** What a person typed or pasted: masked, and marked so the Markdown writer escapes it (see userText). */
  const cleanLines = (s: string) => {
    const r = redact(s, l.mask);
    masked = addMasked(masked, r.masked);
    return r.text.split(/\r?\n/).map(userText);
  };
  const clean = (s: string) => cleanLines(s.replace(/\r?\n/g, ' ')).join('');
  const noteLines = (note: string | undefined, indent: number) => {
    if (!note?.trim()) return;
    const [first = '', ...rest] = cleanLines(note.trim());
    lines.push({ text: `${l.note}: ${first}`, bullet: '-', indent });
    for (const more of rest) lines.push({ text: more, indent });
  };
  const visits = session.visits;
  const last = tree.steps[visits[visits.length - 1]!.step]!;
  const lines: Line[] = [{ h: `${l.heading}: ${tree.title}` }, { blank: true }];
  if (input.ticket) lines.push({ text: `${l.ticket}: ${clean(input.ticket)}`, bullet: '-' });
  lines.push({ text: `${l.guide}: ${tree.title}`, bullet: '-' });
  if (last.kind === 'outcome') lines.push({ text: `${l.result}: ${last.title} (${l.resultKind[last.result]})`, bullet: '-' });
  lines.push({ text: `${l.date}: ${formatDate(input.date)}`, bullet: '-' });
  lines.push({ text: `${l.link}: ${input.link}`, bullet: '-' });

  const facts = input.facts ?? {};
  const known = FACT_KEYS.filter((k) => facts[k]);
  if (known.length > 0) {
    lines.push({ blank: true }, { h: l.facts }, { blank: true });
    for (const k of known) lines.push({ text: `${l.factNames[k]}: ${clean(facts[k]!)}`, bullet: '-' });
  }

  if (input.findings.length > 0) {
    lines.push({ blank: true }, { h: l.findings }, { blank: true });
    for (const f of input.findings) {
      const code = [f.code, f.subCode].filter(Boolean).join(' / ');
      const head = [`${f.platform} ${clean(code)}`, f.http ? l.httpStatus(f.http) : '', f.title ? clean(f.title) : ''].filter(Boolean).join(' — ');
      lines.push({ text: head, bullet: '-' });
      for (const id of f.ids) lines.push({ text: clean(id), bullet: '-', indent: 1 });
    }
  }

  const onPath = new Set<string>();
  lines.push({ blank: true }, { h: l.steps }, { blank: true });
  visits.forEach((visit, i) => {
    const step = tree.steps[visit.step]!;
    onPath.add(step.id);
    const isLast = i === visits.length - 1;
    const chosen = visit.answer && hasAnswers(step) ? step.answers.find((a) => a.id === visit.answer) : undefined;
    lines.push({ text: `${step.title}${chosen ? ` — ${l.answered(chosen.label)}` : isLast ? ` — ${l.current}` : ''}`, bullet: `${i + 1}.` });
    const ticks = isLast ? input.currentTicks : visit.ticks;
    if (step.kind === 'checklist' && ticks && Object.keys(ticks).length > 0) {
      lines.push({ text: `${l.checklist}:`, bullet: '-', indent: 1 });
      for (const item of step.items) {
        const mark = ticks[item.id];
        lines.push({ text: `${mark === 'ok' ? l.ok : mark === 'bad' ? l.bad : l.unmarked}: ${item.label}`, bullet: '-', indent: 2 });
      }
    }
    noteLines(input.notes[step.id], 1);
  });

  // Notes the case holds on steps of this guide that are not on this path (a branch tried earlier).
  const other = Object.keys(input.notes).filter((id) => !onPath.has(id) && tree.steps[id] && input.notes[id]?.trim());
  if (other.length > 0) {
    lines.push({ blank: true }, { h: l.otherNotes }, { blank: true });
    for (const id of other) {
      lines.push({ text: tree.steps[id]!.title, bullet: '-' });
      noteLines(input.notes[id], 1);
    }
  }

  if (last.kind === 'outcome' && last.body) {
    lines.push({ blank: true }, { h: `${last.result === 'escalate' ? l.escalation : l.fix}: ${last.title}` }, { blank: true });
    lines.push(...blockLines(last.body));
    if (last.result === 'escalate' && last.asks?.length) {
      lines.push({ h3: l.asks }, { blank: true });
      const missing: string[] = [];
      for (const k of last.asks) {
        const v = facts[k];
        if (!v) missing.push(l.factNames[k]);
        lines.push({ text: `${l.factNames[k]}: ${v ? clean(v) : l.missing}`, bullet: v ? '- [x]' : '- [ ]' });
      }
      lines.push({ blank: true }, { text: missing.length ? l.stillMissing(missing.join(', ')) : l.nothingMissing });
    }
  }

  return { markdown: write(lines, 'markdown'), plain: write(lines, 'plain'), masked };
}

/**
 * Text a person typed or pasted goes into the summary between two private-use
 * characters, so the Markdown writer can escape exactly that text: a note
 * saying `## Result: Resolved` or `[docs](https://evil.example)` must read as
 * the person's words, not add a heading or a link to the ticket. The plain
 * text writer only drops the marks. The marks themselves are removed from the
 * text first, so no one can forge them.
 */
const USER_OPEN = '\uE000';
const USER_CLOSE = '\uE001';
const userText = (s: string) => `${USER_OPEN}${s.replaceAll(USER_OPEN, '').replaceAll(USER_CLOSE, '')}${USER_CLOSE}`;
const stripUserMarks = (s: string) => s.replaceAll(USER_OPEN, '').replaceAll(USER_CLOSE, '');

/** Characters that start Markdown inline syntax wherever they stand: escaped always. */
const MD_ALWAYS = new Set(['\\', '`', '*', '[', ']', '<', '>', '|', '~', '#', '&']);
const isWordChar = (c: string | undefined) => c !== undefined && /^[\p{L}\p{N}]$/u.test(c);

/**
 * A line with its marked user text escaped for Markdown (CommonMark's
 * backslash escapes), the rest as it is. Only what could become syntax is
 * escaped, so ids and prose stay readable in a ticket that shows raw
 * Markdown: `request_id` keeps its underscore (an underscore inside a word
 * is never emphasis); a list marker, a heading underline or an autolink
 * (`https://`, `www.`) is escaped where it would take effect.
 */
function escapeUserText(line: string): string {
  let out = '';
  let inUser = false;
  /** Whether the current piece of user text begins a line (or a list item), where block syntax takes effect. */
  let startsLine = false;
  /** The user text read so far in the current piece. */
  let piece = '';
  /** Characters of a mask still to copy as they are. */
  let skip = 0;
  const chars = [...line];
  chars.forEach((ch, i) => {
    if (ch === USER_OPEN || ch === USER_CLOSE) {
      inUser = ch === USER_OPEN;
      startsLine = inUser && (out.trim() === '' || /(?:[-*+]|\d\.) $/.test(out));
      piece = '';
      return;
    }
    if (!inUser) {
      out += ch;
      return;
    }
    // A mask this summary wrote (`[masked email]`) is kept as it is: it is plain text unless a link follows, and
    // what follows is escaped below.
    const mask = ch === '[' ? /^\[masked [A-Za-z]{1,20}\]/.exec(chars.slice(i, i + 32).join('')) : null;
    if (mask) skip = mask[0].length;
    if (skip > 0) {
      skip--;
      out += ch;
      piece += ch;
      return;
    }
    const before = piece === '' ? undefined : chars[i - 1];
    const after = chars[i + 1];
    let escape = MD_ALWAYS.has(ch);
    if (ch === '_') escape = !(isWordChar(before) && isWordChar(after));
    // A list item, a setext heading underline or a numbered item at the start of a line.
    if (startsLine && piece.trim() === '' && (ch === '-' || ch === '+' || ch === '=')) escape = true;
    if (startsLine && (ch === '.' || ch === ')') && /^\s*\d+$/.test(piece)) escape = true;
    // Autolinks: the colon of `scheme://`, the dot of `www.`.
    if (ch === ':' && after === '/' && chars[i + 2] === '/') escape = true;
    // After a closing bracket, `(` or `:` would make a link (inline or a reference definition).
    if ((ch === '(' || ch === ':') && out.endsWith(']')) escape = true;
    if (ch === '.' && /(?:^|[^\p{L}\p{N}])www$/iu.test(piece.slice(-4))) escape = true;
    out += escape ? `\\${ch}` : ch;
    piece += ch;
  });
  return out;
}

/** `2026-12-02 10:30 UTC`: unambiguous for a reader in any time zone. */
export function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function write(lines: Line[], as: 'markdown' | 'plain'): string {
  const out: string[] = [];
  for (const line of lines) {
    if ('blank' in line) out.push('');
    else if ('h' in line) out.push(as === 'markdown' ? `## ${line.h}` : line.h);
    else if ('h3' in line) out.push(as === 'markdown' ? `### ${line.h3}` : line.h3);
    else if ('pre' in line) out.push(as === 'markdown' ? `\`\`\`\n${line.pre}\n\`\`\`` : line.pre.replace(/^/gm, '    '));
    else {
      const pad = '   '.repeat(line.indent ?? 0);
      const bullet = line.bullet ? `${line.bullet} ` : line.indent ? '  ' : '';
      out.push(`${pad}${bullet}${as === 'markdown' ? escapeUserText(line.text) : stripUserMarks(line.text.replace(/`([^`\n]+)`/g, '$1'))}`);
    }
  }
  // Collapse runs of blank lines left by empty sections.
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** Content Markdown (an outcome's fix) back to summary lines. */
function blockLines(md: Markdown, indent = 0): Line[] {
  const lines: Line[] = [];
  const push = (b: Block) => {
    switch (b.t) {
      case 'p':
      case 'h':
        lines.push({ text: inlineText(b.c), indent }, { blank: true });
        break;
      case 'pre':
        lines.push({ pre: b.v }, { blank: true });
        break;
      case 'quote':
        lines.push(...blockLines(b.c, indent));
        break;
      case 'ul':
      case 'ol':
        b.items.forEach((item, i) => {
          const [first, ...rest] = blockLines(item, indent + 1).filter((x) => !('blank' in x));
          const bullet = b.t === 'ol' ? `${(b.start ?? 1) + i}.` : '-';
          if (first && 'text' in first) lines.push({ text: first.text, bullet, indent });
          else if (first) lines.push(first);
          lines.push(...rest);
        });
        lines.push({ blank: true });
        break;
    }
  };
  md.forEach(push);
  return lines;
}

/** Inline Markdown as text: code keeps its backticks, links show their address. */
const inlineText = (c: Inline[]): string => inlineTextAs(c, { code: (v) => `\`${v}\``, link: (text, href) => `${text} (${href})` });
