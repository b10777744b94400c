/**
 * The messages between the app in a help desk's frame and the desk's page
 * (`window.postMessage`), documented for desk integrators in
 * docs/embedding.md. Every message is an object whose `type` starts with
 * `troubleshooter:`. Only origins the build allows (`EMBED_ORIGINS`) are
 * spoken to or listened to.
 */

/** Raised when the protocol changes in a way a desk must know about. */
export const EMBED_PROTOCOL = 1;

export const READY = 'troubleshooter:ready';
export const STATE = 'troubleshooter:state';
export const ERROR = 'troubleshooter:error';
export const HELLO = 'troubleshooter:hello';
export const START = 'troubleshooter:start';

/** The step on screen. `url` is the step's public link (a colleague can open it; without `embed=1`). */
export interface EmbedStep {
  tree: string;
  guide: string;
  step: string;
  title: string;
  url: string;
}

export type AppToHost =
  /** Sent once the app listens. */
  | { type: typeof READY; protocol: typeof EMBED_PROTOCOL; lang: 'en' | 'zh' }
  /**
   * Sent after `ready` and whenever one of these changes: the step on screen
   * (null off a step page), the case's facts (name → value, src/engine/facts.ts),
   * its ticket reference, and the ticket summary of the step on screen
   * (Markdown, secrets masked; null off a step page).
   */
  | { type: typeof STATE; step: EmbedStep | null; ticket: string; facts: Record<string, string>; summary: string | null }
  /** A `start` the app could not follow (`unknown-guide`: no guide fits the facts; `bad-message`: not a valid start). */
  | { type: typeof ERROR; reason: 'unknown-guide' | 'bad-message'; message: string };

/** @public What a help desk may send (docs/embedding.md); the app reads these fields from untyped message data. */
export type HostToApp =
  /** Asks for `ready` and the current `state` again (a desk page that loaded after the frame). */
  | { type: typeof HELLO }
  /**
   * Starts a guide in a new case holding these facts (and the ticket reference):
   * `tree` if given, else the guide the error code leads to.
   */
  | { type: typeof START; tree?: string; ticket?: string; facts?: { platform?: string; code?: string; traceId?: string } & Record<string, string> };
