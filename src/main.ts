// The `rect` bin entry: hands argv to cli/, then exits with the command's code (S-12).
import { runCli } from './cli/program.ts'

const code = await runCli(process.argv)
process.exitCode = code
// PGlite and pool handles may outlive a command by a moment; never hang on them.
setTimeout(() => process.exit(code), 1000).unref()
