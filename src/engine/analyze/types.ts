/** Platforms the analyzer can name; each has a code table in content/codes/. */
export type FindingPlatform = 'mpaas' | 'mpaas-android' | 'mpaas-ios' | 'aliyun' | 'top' | 'easemob';

/** A value worth showing next to a finding (a trace id, a decoded memo…). */
export interface Field {
  /** The name as the platform writes it: `mgw-traceid`, `RequestId`, `sub_msg`. */
  name: string;
  value: string;
  /** The value made readable (percent-decoded mPaaS `memo`/`tips`), when it differs. */
  decoded?: string;
}

/**
 * How sure a finding is, best first: the platform's whole envelope was read
 * (`envelope`); its shape without the whole envelope — fields printed by a
 * language, a log form, a fragment (`loose`); a code named in a person's
 * words (`prose`).
 */
export type Confidence = 'envelope' | 'loose' | 'prose';
export const CONFIDENCE_ORDER: readonly Confidence[] = ['envelope', 'loose', 'prose'];

/** The client an mPaaS app runs on, when the text shows it. */
export type ClientPlatform = 'ios' | 'android';

/** One recognised envelope at one place in the text. */
export interface Hit {
  platform: FindingPlatform;
  /**
   * The client the text was logged on, set by the reader that knows it from
   * the shape it read (an Xcode console or an iOS NSError is iOS, logcat and
   * an RpcException are Android); unset when the shape does not tell.
   */
  client?: ClientPlatform;
  /** The code as the platform wrote it (`7014`, `InvalidTimeStamp.Expired`, `25`, `invalid_grant`). */
  code: string;
  subCode?: string;
  http?: number;
  /** A success response (mPaaS result-status 1000), reported as such, not as an error. */
  success?: boolean;
  /** What shape the text had, in a few words: "Xcode console response headers". */
  format: string;
  /** How sure the reader is; `envelope` when not said. */
  confidence?: Confidence;
  fields: Field[];
  /** Offsets of the envelope in the text, end exclusive. */
  start: number;
  end: number;
}

export interface EvidenceLine {
  /** 1-based line number in the input. */
  line: number;
  text: string;
}

/** Every hit with the same platform, code, sub-code and HTTP status, grouped. */
export interface Finding {
  key: string;
  platform: FindingPlatform;
  code: string;
  subCode?: string;
  http?: number;
  success: boolean;
  /** How its best occurrence was recognised (see Confidence), and the shape read. */
  format: string;
  confidence: Confidence;
  /** The client that occurrence was logged on, when its reader could tell (see Hit.client). */
  client?: ClientPlatform;
  count: number;
  firstLine: number;
  lastLine: number;
  /** The lines of the first occurrence (capped). */
  evidence: EvidenceLine[];
  /** Fields of the first occurrence. */
  fields: Field[];
  /** Distinct trace / request ids over all occurrences (capped). */
  ids: string[];
}

/** Text that looks like an error body but that no platform's envelope fits. */
export interface Unclaimed {
  line: number;
  text: string;
  reason: string;
}

export interface AnalyzeResult {
  findings: Finding[];
  unclaimed: Unclaimed[];
  /** Lines and characters read. */
  lines: number;
  chars: number;
  /** Distinct findings past the first MAX_FINDINGS, counted but not listed, and how often they occur. */
  omitted?: { findings: number; hits: number };
}
