/** English UI strings. Every string a person reads comes from a catalogue like this one. */
export const en = {
  appName: 'Gateway Troubleshooter',
  skipToContent: 'Skip to content',
  navHome: 'All guides',
  kind: { question: 'Question', check: 'Check', checklist: 'Checklist', outcome: 'Result' },
  result: { fix: 'The fix', resolved: 'Resolved', escalate: 'Contact support' },
  stepNumber: (n: number) => `Step ${n}`,
  /**
   * The checks left before a fix, given what is known: shortest and longest way forward (escalation not counted).
   * A range wider than five says "at least": the longest way passes re-tests that send you to another branch.
   */
  remaining: (r: { min: number; max: number } | undefined) =>
    !r
      ? 'no fix ahead on this branch: it ends with asking support'
      : r.max === 0
        ? 'last check before the result'
        : r.min === r.max
          ? `${r.min} more ${r.min === 1 ? 'check' : 'checks'} to a fix`
          : r.max - r.min <= 5
            ? `${r.min}–${r.max} more checks to a fix`
            : `at least ${r.min} more ${r.min === 1 ? 'check' : 'checks'} to a fix`,
  /** A fact that answered a step by itself: “Platform: iOS — from the link”. */
  knownFact: (fact: string, value: string, from: string) => `${fact}: ${value} — ${from}`,
  knownFactAgain: (fact: string, value: string) => `${fact}: ${value}`,
  factFrom: { answer: 'from your answer', log: 'from your log', link: 'from the link', 'code-page': 'from the code page', typed: 'from the case' },
  change: 'change',
  changeFact: (fact: string) => `Change ${fact.toLowerCase()}: ask again`,
  factsDropped: (facts: string) => `This link gave facts this guide does not know (${facts}), so they were left out.`,
  lastStep: 'end of this branch',
  yourPath: 'Your path',
  /** On a phone, the collapsed path: one line that opens it. */
  earlierAnswers: (n: number) => (n === 1 ? '1 earlier answer' : `${n} earlier answers`),
  moreActions: 'More',
  youAnswered: (a: string) => `you answered “${a}”`,
  marksSummary: (ok: number, bad: number) => `${ok} OK, ${bad} not OK`,
  whatToDo: 'What to do',
  howToTell: 'How to tell',
  yourAnswer: 'What did you find?',
  checklistMark: 'Mark each item',
  itemOk: 'OK',
  itemBad: 'Not OK',
  fits: 'fits your marks',
  handlesCodes: 'Handles',
  sources: 'Sources',
  opensInNewTab: 'opens in a new tab',
  /** Between the items of a run-in list (Chinese uses the enumeration comma). */
  listSeparator: ', ',
  /** After a label (Chinese uses the full-width colon, with no space). */
  labelColon: ': ',
  /** A secret in a printed note (the ticket summary names each kind; see tools). */
  printMask: (kind: string) => `[masked ${kind}]`,
  back: 'Back',
  startOver: 'Start over',
  copyStepLink: 'Link to this step only, without answers',
  copySessionLink: 'Copy link to this step and your answers',
  copied: 'Link copied to the clipboard.',
  copyFailed: 'Could not copy. The link is in the address bar.',
  exampleLabel: (lang: string) => (lang ? `${lang} example` : 'Example'),
  notesLabel: 'Your notes on this step',
  notesHint: 'Kept in this browser only and added to the ticket summary; never put in a link.',
  ticketSummary: 'Ticket summary',
  mapLink: 'Map of this guide',
  openedAlone: 'You opened this step directly, so the steps before it are not shown.',
  trailInvalid: 'The path in this link could not be read, so only the step it points to is shown.',
  trailStale: 'The guide has changed since this link was made, so its earlier steps are not shown. This is the step the link points to.',
  redirected: (from: string) => `The step “${from}” has moved. This is where it lives now.`,
  storageFailed: 'This browser is not saving your work (its storage is full or blocked). The case stays open in this tab until you close it.',
  storageFailedExport: 'Export the case to keep it',
  storageNewer: 'Your cases were saved by a newer version of this app. Reload the page to see them; changes made here are not saved.',
  storageKeptAside: 'Some saved data could not be read. It was set aside, not deleted.',
  storageKeptAsideGet: 'Prepare a copy to download',
  storageKeptAsideSave: 'Download the copy',
  navCases: 'Cases',
  caseBar: 'Case',
  caseTicket: 'Ticket',
  caseTicketPlaceholder: 'Add a ticket reference, e.g. ZD-48213',
  caseStarted: (d: Date) => `case started ${d.toLocaleString('en', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })}`,
  caseNew: 'New case',
  caseSwitch: 'Switch case',
  caseUntitled: 'Case without a ticket reference',
  caseFacts: 'Ticket facts',
  caseFactsKnown: (n: number) => (n === 0 ? 'none known yet' : n === 1 ? '1 known' : `${n} known`),
  caseAll: 'All cases',
  dismiss: 'Dismiss',
  loading: 'Loading…',
  goHome: 'See all guides',
  somethingWrong: 'Something went wrong',
  loadFailed: 'This guide could not be loaded. Check your connection and reload the page.',
  reload: 'Reload',
  navSite: 'Site',
  stepActions: 'Step actions',
  breadcrumb: 'Breadcrumb',
  navCodes: 'Error codes',
  navAnalyze: 'Paste a log',
  pasteLogCta: 'Paste a log',
  // Offline (src/ui/offline-ui.tsx)
  offlineReady: 'Available offline',
  offlineSaved: 'Offline — showing the saved copy',
  updateAvailable: 'A newer version of the guides is available — reload to use it. This step and your case stay open.',
};

export type Messages = typeof en;
