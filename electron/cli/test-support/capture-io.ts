/** A command's output and error lines, kept for a test to read, with the `io` a command writes to. */
export function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}
