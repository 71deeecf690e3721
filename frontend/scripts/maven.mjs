// Called by the Maven build (exec-maven-plugin) with the machine's node/npm:
//   node scripts/maven.mjs install   npm ci, skipped while node_modules matches package-lock.json
//   node scripts/maven.mjs build     npm run build, skipped while dist/ matches the sources
// Markers hold a hash of the inputs, so an unchanged front end costs milliseconds on rebuilds.
import { createHash } from 'node:crypto'
import { execSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function hashFiles(paths) {
  const hash = createHash('sha256')
  const walk = (p) => {
    if (!existsSync(p)) return
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name))
    } else {
      hash.update(p.slice(root.length))
      hash.update(readFileSync(p))
    }
  }
  paths.forEach((p) => walk(join(root, p)))
  return hash.digest('hex')
}

function upToDate(marker, hash) {
  const file = join(root, marker)
  return existsSync(file) && readFileSync(file, 'utf8') === hash
}

function run(command) {
  console.log(`[frontend] ${command}`)
  execSync(command, { cwd: root, stdio: 'inherit' })
}

const step = process.argv[2]
if (step === 'install') {
  const hash = hashFiles(['package-lock.json']) + process.version
  if (upToDate('node_modules/.hummdesk-installed', hash)) {
    console.log('[frontend] node_modules is current, skipping npm ci')
  } else {
    run(`${npm} ci --no-audit --no-fund`)
    writeFileSync(join(root, 'node_modules/.hummdesk-installed'), hash)
  }
} else if (step === 'build') {
  const hash =
    hashFiles([
      'src',
      'public',
      'index.html',
      'package-lock.json',
      'vite.config.ts',
      'tsconfig.json',
      'env.d.ts',
    ]) + JSON.stringify(Object.entries(process.env).filter(([k]) => k.startsWith('VITE_')))
  if (existsSync(join(root, 'dist/index.html')) && upToDate('dist/.hummdesk-built', hash)) {
    console.log('[frontend] dist is current, skipping the build')
  } else {
    run(`${npm} run build`)
    writeFileSync(join(root, 'dist/.hummdesk-built'), hash)
  }
} else {
  console.error('usage: node scripts/maven.mjs install|build')
  process.exit(2)
}
