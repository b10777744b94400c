// A clean store module: it may import the engine.
import { LANGS } from '../engine/model.ts';

export const languages = [...LANGS];
