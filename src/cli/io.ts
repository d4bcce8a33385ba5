// Where a command writes: the process's stdout and stderr, or a test's buffers. A leaf, so the
// command files need not import program.ts, which imports them.
export type Io = { out: (text: string) => void; err: (text: string) => void }

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
}
