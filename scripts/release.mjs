// Cuts a release on main: CHANGELOG's Unreleased section becomes the version, package.json and README follow, the tarball is packed, then commit and tags.
//
//   node scripts/release.mjs 0.2.0                  release 0.2.0 today (UTC)
//   node scripts/release.mjs 0.2.0 --date 2027-01-31
//   node scripts/release.mjs --notes 0.2.0          print that version's CHANGELOG section (the GitHub release notes)
//
// It refuses (exit 2, one line) unless the work tree is clean, the branch is main, the tag is new and the Unreleased
// section lists something. It pushes nothing: it prints the commands that publish the release (docs/releasing.md).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(new URL('..', import.meta.url).pathname)
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/
/** The heading of a released section: `## [1.2.3] - 2027-01-31`. */
const RELEASED = /^## \[([^\]]+)\] - \d{4}-\d{2}-\d{2}$/m

function fail(message) {
  process.stderr.write(`release: ${message}\n`)
  process.exit(2)
}

function run(command, args, { quiet = false } = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' })
  if (result.status !== 0 && !quiet) fail(`${command} ${args.join(' ')} failed: ${(result.stderr || result.stdout).trim()}`)
  return result
}
const git = (...args) => run('git', args).stdout.trim()
const read = (file) => readFileSync(path.join(root, file), 'utf8')
const write = (file, text) => writeFileSync(path.join(root, file), text)

/** The body of the CHANGELOG section under `## [name]` (up to the next `## ` heading or the link definitions). */
function section(changelog, name) {
  const start = changelog.split('\n').findIndex((line) => line === `## [${name}]` || line.startsWith(`## [${name}] - `))
  if (start === -1) return undefined
  const lines = changelog.split('\n').slice(start + 1)
  const end = lines.findIndex((line) => line.startsWith('## ') || /^\[[^\]]+\]: /.test(line))
  return lines.slice(0, end === -1 ? undefined : end).join('\n').trim()
}

function parseArgs(argv) {
  const opts = { version: undefined, date: new Date().toISOString().slice(0, 10), notes: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--notes') opts.notes = true
    else if (arg === '--date') opts.date = argv[++i] ?? fail('--date needs a value (YYYY-MM-DD)')
    else if (arg.startsWith('-')) fail(`unknown option "${arg}"; usage: node scripts/release.mjs [--notes] <version> [--date YYYY-MM-DD]`)
    else if (opts.version === undefined) opts.version = arg
    else fail(`unexpected argument "${arg}"`)
  }
  if (opts.version === undefined) fail('usage: node scripts/release.mjs [--notes] <version> [--date YYYY-MM-DD]')
  if (!SEMVER.test(opts.version)) fail(`"${opts.version}" is not a semantic version (such as 0.2.0)`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) fail(`--date "${opts.date}" is not YYYY-MM-DD`)
  return opts
}

const opts = parseArgs(process.argv.slice(2))
const { version } = opts
const tag = `v${version}`
const changelog = read('CHANGELOG.md')

if (opts.notes) {
  const notes = section(changelog, version)
  if (notes === undefined) fail(`CHANGELOG.md has no section for ${version}`)
  process.stdout.write(`${notes}\n`)
  process.exit(0)
}

// ---------- checks: nothing is written unless all of them pass ----------

if (git('status', '--porcelain') !== '') fail('the work tree has uncommitted or untracked changes; commit or stash them first')
const branch = run('git', ['symbolic-ref', '--quiet', '--short', 'HEAD'], { quiet: true }).stdout.trim()
// pre-commit autoupdate and Dependabot find tags from the default branch, so a release commit must be on it.
if (branch !== 'main') fail(`releases are cut on main, not on ${branch === '' ? 'a detached HEAD' : `"${branch}"`}`)
if (run('git', ['rev-parse', '--quiet', '--verify', `refs/tags/${tag}`], { quiet: true }).status === 0) fail(`tag ${tag} exists already`)
if (section(changelog, version) !== undefined) fail(`CHANGELOG.md already has a section for ${version}`)
const unreleased = section(changelog, 'Unreleased')
if (unreleased === undefined) fail('CHANGELOG.md has no "## [Unreleased]" section')
if (!/^- /m.test(unreleased)) fail('the Unreleased section of CHANGELOG.md lists no change: nothing to release')
if (!existsSync(path.join(root, 'node_modules'))) fail('node_modules is missing: run npm ci first (packing builds dist/)')

const pkg = JSON.parse(read('package.json'))
const previous = RELEASED.exec(changelog)?.[1]
const repoUrl = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')
const major = `v${version.split('.')[0]}`

// ---------- edits ----------

const versionLink = previous ? `${repoUrl}/compare/v${previous}...${tag}` : `${repoUrl}/releases/tag/${tag}`
const links = changelog.replace(/^\[Unreleased\]: .*$/m, `[Unreleased]: ${repoUrl}/compare/${tag}...HEAD\n[${version}]: ${versionLink}`)
write('CHANGELOG.md', links.replace(/^## \[Unreleased\]$/m, `## [Unreleased]\n\n## [${version}] - ${opts.date}`))
// npm version updates package.json and package-lock.json alike; the first release keeps the version it was developed as.
run('npm', ['version', version, '--no-git-tag-version', '--allow-same-version'])
if (pkg.version !== version) {
  // The README's install commands, pre-commit `rev:` and Action pins name the release tag and tarball.
  const readme = read('README.md')
  write('README.md', readme.replaceAll(`v${pkg.version}`, tag).replaceAll(`lint-config-${pkg.version}.tgz`, `lint-config-${version}.tgz`))
}

// Packing runs `prepare` (the build), so a release whose build fails is never committed or tagged.
const packed = run('npm', ['pack', '--json'], { quiet: true })
if (packed.status !== 0) {
  run('git', ['checkout', '--', '.'])
  fail(`npm pack failed, the edits are undone: ${(packed.stderr || packed.stdout).trim()}`)
}
const tarball = JSON.parse(packed.stdout)[0].filename

git('commit', '--quiet', '--all', '--message', `Release ${version}`)
git('tag', '--annotate', tag, '--message', `lint-config ${version}`)
// The Action's major tag follows the newest release of that major version (`uses: lint-config/lint-config@v0`).
git('tag', '--force', '--annotate', major, '--message', `lint-config ${version} (newest ${major}.x)`)
const commit = git('rev-parse', 'HEAD')

process.stdout.write(
  [
    `Released ${version}: commit ${commit.slice(0, 12)}, tags ${tag} and ${major}, tarball ${tarball}.`,
    'Publish it (nothing has been pushed):',
    `  git push origin main ${tag} && git push --force origin ${major}`,
    `  gh release create ${tag} ${tarball} --title ${tag} --notes "$(node scripts/release.mjs --notes ${version})"`,
    '',
  ].join('\n'),
)
