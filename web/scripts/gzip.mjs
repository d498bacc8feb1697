// Writes FILE.gz beside FILE, compressed at gzip's best level: `serve` sends
// it instead of FILE to a browser that accepts gzip (static_assets.h).
// Usage: node gzip.mjs FILE OUT
import { readFileSync, writeFileSync } from 'node:fs'
import { gzipSync, constants } from 'node:zlib'

const [input, output] = process.argv.slice(2)
writeFileSync(output, gzipSync(readFileSync(input), { level: constants.Z_BEST_COMPRESSION }))
