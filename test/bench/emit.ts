/** Prints one bench figure as a JSON line, the format `npm run bench` promises. */
export function emit(name: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(JSON.stringify({ name, value, unit, ...extra }) + '\n');
}
