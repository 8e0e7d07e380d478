// Installing a release as the README says: the packed file list, and `npm install git+…#<tag>` building dist/ on install.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { git, makeReleaseRepo, npm, PACKED_TOP_LEVEL, readmeBlocks, RELEASE_TAG, REPO, VERSION, type ReleaseRepo } from '../helpers/release-repo.js'

const GITHUB_URL = 'git+https://github.com/lint-config/lint-config.git'

/** Files of `dir` in this checkout as git sees them (tracked, or untracked and not ignored), relative to the checkout. */
const checkoutFiles = (dir: string): string[] =>
  git(REPO, 'ls-files', '--cached', '--others', '--exclude-standard', dir).split('\n').filter((f) => f !== '' && existsSync(path.join(REPO, f))).sort()

describe('the npm package (npm pack --dry-run --json)', () => {
  it('holds dist, schemas, docs, LICENSE, README.md and package.json, nothing else', () => {
    // --ignore-scripts: list the dist/ that `npm ci` built instead of rebuilding it under the feet of other tests.
    const run = npm('npm', REPO, 'pack', '--dry-run', '--json', '--ignore-scripts')
    expect(run.status, run.stderr).toBe(0)
    const [pack] = JSON.parse(run.stdout) as [{ filename: string; files: { path: string }[] }]
    expect(pack.filename).toBe(`lint-config-${VERSION}.tgz`)
    const files = pack.files.map((f) => f.path).sort()
    expect([...new Set(files.map((f) => f.split('/')[0]))].sort()).toEqual(PACKED_TOP_LEVEL)
    expect(files.filter((f) => f.startsWith('schemas/'))).toEqual(checkoutFiles('schemas'))
    expect(files.filter((f) => f.startsWith('docs/'))).toEqual(checkoutFiles('docs'))
    for (const built of ['dist/bin.js', 'dist/cli.cjs', 'dist/cli.cjs.cache', 'dist/index.js', 'dist/action.js']) expect(files).toContain(built)
  })
})

describe("npm install from a release tag, as the README's Install section says", () => {
  const [installBlock, tarballBlock] = readmeBlocks('Install', 'sh')
  let tmp: string
  let release: ReleaseRepo
  let bot: string
  let install: ReturnType<typeof npm>

  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'lint-config-install-'))
    release = makeReleaseRepo(tmp)
    // The bot's repository: a Python project with a minimal package.json, and its config where the bot reads it.
    bot = path.join(tmp, 'bot')
    mkdirSync(path.join(bot, 'config'), { recursive: true })
    writeFileSync(path.join(bot, 'package.json'), '{ "private": true }\n')
    cpSync(path.join(REPO, 'fixtures/example/config_futures.yaml'), path.join(bot, 'config/config_futures.yaml'))
    const [command] = installBlock!.split('\n')
    // The README's command, with the GitHub URL replaced by the local release copy's.
    install = npm('npm', bot, ...command!.replace(GITHUB_URL, `git+file://${release.dir}`).split(' ').slice(1))
  }, 300_000)

  afterAll(() => {
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true })
  })

  it('the README names the release tag of package.json\'s version, in the git URL and the tarball URL', () => {
    expect(installBlock).toBe(
      `npm install --save-dev ${GITHUB_URL}#${RELEASE_TAG}\nnpx lint-config --balance 1018 config/config_futures.yaml\n`,
    )
    expect(tarballBlock).toBe(
      `npm install --save-dev https://github.com/lint-config/lint-config/releases/download/${RELEASE_TAG}/lint-config-${VERSION}.tgz\n`,
    )
    // Every pin in the README (install, pre-commit rev:, the Action's uses:) names this release, as scripts/release.mjs keeps it.
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8')
    expect([...new Set(readme.match(/\bv\d+\.\d+\.\d+\b/g))]).toEqual([RELEASE_TAG])
    expect(readme).toContain(`        uses: lint-config/lint-config@${RELEASE_TAG}\n`)
  })

  it('installs, saving the tag in package.json and pinning its commit in package-lock.json', () => {
    expect(install.status, install.stderr).toBe(0)
    const pkg = JSON.parse(readFileSync(path.join(bot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
    expect(pkg.devDependencies).toEqual({ 'lint-config': `git+file://${release.dir}#${RELEASE_TAG}` })
    const lock = JSON.parse(readFileSync(path.join(bot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; resolved?: string }> }
    expect(lock.packages['node_modules/lint-config']).toMatchObject({ version: VERSION, resolved: `git+file://${release.dir}#${release.commit}` })
  })

  it('the installed package is the packed one, with dist/ built by `prepare` during the install', () => {
    const installed = path.join(bot, 'node_modules/lint-config')
    expect(readdirSync(installed).sort()).toEqual(PACKED_TOP_LEVEL)
    for (const built of ['bin.js', 'cli.cjs', 'cli.cjs.cache', 'index.js', 'action.js']) {
      expect(existsSync(path.join(installed, 'dist', built)), built).toBe(true)
    }
    // The path the README's Editors section gives for an offline schema modeline.
    expect(existsSync(path.join(installed, 'schemas/config-futures.schema.json'))).toBe(true)
  })

  it("the README's second command lints the bot's config and prints the README's example output", () => {
    const [, command] = installBlock!.split('\n')
    const lint = npm('npx', bot, ...command!.split(' ').slice(1))
    const readmeOutput = readmeBlocks(undefined, 'text')[0]!
    expect(readmeOutput.split('\n')[0]).toBe('fixtures/example/config_futures.yaml')
    // Stylish output, as ESLint's, opens and closes with an empty line, which the README leaves out.
    const expected = `\n${readmeOutput.replace('fixtures/example/config_futures.yaml', 'config/config_futures.yaml')}\n`
    expect([lint.status, lint.stderr, lint.stdout]).toEqual([1, '', expected])
  })
})
