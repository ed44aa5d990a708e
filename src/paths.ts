import { fileURLToPath } from 'node:url';

/** Folders of the project itself, wherever the process was started from. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const COMMANDS_DIR = fileURLToPath(new URL('../commands', import.meta.url));
