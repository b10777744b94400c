// Deliberate violations of the service worker's allow-list (linted as a file of src/sw/).
import { LANGS } from '../engine/model.ts';
import { create } from 'zustand';

export const late = () => import('./messages.ts');
export const used = [LANGS, create];
