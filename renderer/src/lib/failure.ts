/** The words to show for something thrown: its message only, never a stack. */
export function messageOf(thrown: unknown): string {
  if (thrown instanceof Error && thrown.message) return thrown.message;
  if (typeof thrown === 'string' && thrown) return thrown;
  return 'Something went wrong. Try again; if it keeps happening, tell your supervisor.';
}
