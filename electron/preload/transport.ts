/** The only two IPC channels between main and the page: calls in, menu commands out. */
export const INVOKE_CHANNEL = 'desk:invoke';
export const COMMAND_CHANNEL = 'desk:command';
