/**
 * The container process model, as the kubelet uses it: start a container's process,
 * step it on virtual time, signal it, ask it for HTTP answers and usage, exec into it.
 */
export { startProcess, exec, containerArgv, processCommandLine, containerEnv, startErrorMessage, execNotFoundMessage, DEFAULT_PATH, START_ERROR_EXIT_CODE, EXEC_NOT_FOUND_EXIT_CODE } from './start.js';
export type { ExecOptions } from './start.js';
export { createMemoryFs, createMountedFs, normalizePath } from './memory-fs.js';
export { createRootFs } from './rootfs.js';
export type { Mount } from './memory-fs.js';
export { KILLED_EXIT_CODE, STEP_BUDGET } from './process.js';
export type * from './types.js';
