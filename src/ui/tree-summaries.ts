import { summaries } from 'virtual:content/summaries';
import type { Lang, TreeSummary } from '../engine/model.ts';

/** Every guide's title, platform, symptom and size, for the pages that list them (not on a step's path). */
export function treeSummaries(lang: Lang): TreeSummary[] {
  return summaries[lang] ?? summaries.en ?? [];
}
