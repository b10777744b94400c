// Deliberate violation of the store's wall (linted as a file of src/store/).
import { Layout } from '../ui/layout.tsx';

export const shell = Layout;
