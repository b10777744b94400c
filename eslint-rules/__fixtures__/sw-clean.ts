// A clean service-worker module: it imports only from its own folder.
import { GET_VERSION } from './messages.ts';

export const ask = { type: GET_VERSION };
