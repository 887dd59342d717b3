/** The only IPC channels between main and the page: calls in; menu commands and change notices out. */
export const INVOKE_CHANNEL = 'desk:invoke';
export const COMMAND_CHANNEL = 'desk:command';
export const CHANGE_CHANNEL = 'desk:changed';
export const JOB_CHANNEL = 'desk:job';
