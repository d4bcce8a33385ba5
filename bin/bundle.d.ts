/** One ESM bundle of `entry` at `outfile` (bin/bundle.js). */
export function bundle(entry: string, outfile: string): Promise<void>
