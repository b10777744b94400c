import { codeLoaders } from 'virtual:content';
import type { CodeIndex, Lang } from '../../engine/model.ts';
import { cachedLoader } from '../cached-load.ts';

/** Every code table in one language: one lazy chunk, loaded once. */
export const loadCodeIndex = cachedLoader((lang: Lang): Promise<CodeIndex> => (codeLoaders[lang] ?? codeLoaders.en!)().then((m) => m.default));
