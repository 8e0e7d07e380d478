// scripts/release.mjs for real, in a throw-away copy of the checkout: CHANGELOG, version, README pins, tarball, commit and tags.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyCheckout, git, npm, PACKED_TOP_LEVEL, REPO, VERSION } from './helpers/release-repo.js'

/** The sections Keep a Changelog allows under a version. */
const CHANGE_TYPES = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']

/** The next patch version of package.json's: never released yet, whatever the checkout's CHANGELOG holds. */
const [major, minor, patch] = VERSION.split('-')[0]!.split('.').map(Number) as [number, number, number]
const NEXT = `${major}.${minor}.${patch + 1}`
const MAJOR_TAG = `v${major}`
const DATE = '2030-01-02'
const ENTRY = '### Fixed\n\n- A change made for this test.\n'

describe('CHANGELOG.md', () => {
  const changelog = readFileSync(path.join(REPO, 'CHANGELOG.md'), 'utf8')

  it('follows Keep a Changelog: Unreleased first, then released versions with dates, known change types, a link for each', () => {
    const headings = changelog.match(/^## .*$/gm) ?? []
    expect(headings[0]).toBe('## [Unreleased]')
    const versions = headings.slice(1).map((h) => /^## \[(\d+\.\d+\.\d+[^\]]*)\] - \d{4}-\d{2}-\d{2}$/.exec(h)?.[1] ?? `bad heading: ${h}`)
    for (const name of ['Unreleased', ...versions]) {
      expect(changelog).toMatch(new RegExp(`^\\[${name.replaceAll('.', '\\.')}\\]: https://github\\.com/lint-config/lint-config/`, 'm'))
    }
    for (const type of changelog.match(/^### .*$/gm) ?? []) expect(CHANGE_TYPES).toContain(type.slice(4))
  })

  it("has package.json's version released, or still to be released from Unreleased", () => {
    const released = changelog.includes(`## [${VERSION}] - `)
    const unreleased = /^## \[Unreleased\]\n\n([\s\S]*?)(?=^## |^\[)/m.exec(changelog)?.[1] ?? ''
    expect(released || /^- /m.test(unreleased), `neither a "## [${VERSION}] - date" section nor entries under Unreleased`).toBe(true)
  })
})

describe('scripts/release.mjs in a throw-away copy of the checkout', () => {
  let tmp: string
  let dir: string
  let cut: SpawnSyncReturns<string>
  let before: { readme: string; changelog: string }

  const release = (...args: string[]) => spawnSync(process.execPath, ['scripts/release.mjs', ...args], { cwd: dir, encoding: 'utf8' })
  const read = (file: string): string => readFileSync(path.join(dir, file), 'utf8')

  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'lint-config-release-'))
    dir = copyCheckout(tmp)
    // Packing builds dist/, which needs the build tools: the checkout's node_modules, kept out of git's sight.
    symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'))
    appendFileSync(path.join(dir, '.git/info/exclude'), 'node_modules\n')
    // One change to release, in place of whatever the checkout's Unreleased section holds today.
    const changelog = read('CHANGELOG.md').replace(/^## \[Unreleased\]\n[\s\S]*?(?=^## |^\[)/m, `## [Unreleased]\n\n${ENTRY}\n`)
    writeFileSync(path.join(dir, 'CHANGELOG.md'), changelog)
    git(dir, 'commit', '-qam', 'A change')
    before = { readme: read('README.md'), changelog }
    cut = release(NEXT, '--date', DATE)
  }, 300_000)

  afterAll(() => {
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true })
  })

  it('commits the release, tags it and its major version, and says how to publish it', () => {
    const commit = git(dir, 'rev-parse', 'HEAD').trim()
    expect([cut.status, cut.stderr, cut.stdout]).toEqual([
      0,
      '',
      [
        `Released ${NEXT}: commit ${commit.slice(0, 12)}, tags v${NEXT} and ${MAJOR_TAG}, tarball lint-config-${NEXT}.tgz.`,
        'Publish it (nothing has been pushed):',
        `  git push origin main v${NEXT} && git push --force origin ${MAJOR_TAG}`,
        `  gh release create v${NEXT} lint-config-${NEXT}.tgz --title v${NEXT} --notes "$(node scripts/release.mjs --notes ${NEXT})"`,
        '',
      ].join('\n'),
    ])
    expect(git(dir, 'log', '--format=%s', '-2')).toBe(`Release ${NEXT}\nA change\n`)
    expect(git(dir, 'status', '--porcelain')).toBe('')
    for (const tag of [`v${NEXT}`, MAJOR_TAG]) {
      expect(git(dir, 'cat-file', '-t', tag).trim(), tag).toBe('tag')
      expect(git(dir, 'rev-parse', `${tag}^{commit}`).trim(), tag).toBe(commit)
    }
    // The command the README gives for the SHA to pin an Action to.
    expect(git(dir, 'ls-remote', '.', `refs/tags/v${NEXT}^{}`)).toBe(`${commit}\trefs/tags/v${NEXT}^{}\n`)
  })

  it('turns Unreleased into the dated version section, with its compare links', () => {
    const changelog = read('CHANGELOG.md')
    expect(changelog).toContain(`## [Unreleased]\n\n## [${NEXT}] - ${DATE}\n\n${ENTRY}\n`)
    const previous = /^## \[([^\]]+)\] - /m.exec(before.changelog)?.[1]
    const base = 'https://github.com/lint-config/lint-config'
    expect(changelog).toContain(
      `[Unreleased]: ${base}/compare/v${NEXT}...HEAD\n[${NEXT}]: ${previous ? `${base}/compare/v${previous}...v${NEXT}` : `${base}/releases/tag/v${NEXT}`}\n`,
    )
    expect(release('--notes', NEXT).stdout).toBe(ENTRY)
  })

  it('sets the version in package.json and package-lock.json, and moves every README pin to the new tag', () => {
    expect((JSON.parse(read('package.json')) as { version: string }).version).toBe(NEXT)
    const lock = JSON.parse(read('package-lock.json')) as { version: string; packages: Record<string, { version: string }> }
    expect([lock.version, lock.packages['']!.version]).toEqual([NEXT, NEXT])
    const readme = read('README.md')
    expect(readme).toBe(before.readme.replaceAll(`v${VERSION}`, `v${NEXT}`).replaceAll(`lint-config-${VERSION}.tgz`, `lint-config-${NEXT}.tgz`))
    expect(readme).not.toContain(`v${VERSION}`)
    expect(readme.match(new RegExp(`rev: v${NEXT.replaceAll('.', '\\.')}\n`, 'g'))).toHaveLength(2)
    expect(readme).toContain(`uses: lint-config/lint-config@v${NEXT}\n`)
    expect(readme).toContain(`lint-config.git#v${NEXT}\n`)
  })

  it('packs a tarball of the packed files only, which installs without a build and reports the new version', () => {
    const tarball = path.join(dir, `lint-config-${NEXT}.tgz`)
    const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    expect(listing.status, listing.stderr).toBe(0)
    expect([...new Set(listing.stdout.trim().split('\n').map((f) => f.split('/')[1]))].sort()).toEqual(PACKED_TOP_LEVEL)
    const bot = path.join(tmp, 'bot')
    mkdirSync(bot)
    writeFileSync(path.join(bot, 'package.json'), '{ "private": true }\n')
    const install = npm('npm', bot, 'install', '--save-dev', tarball)
    expect(install.status, install.stderr).toBe(0)
    expect(npm('npx', bot, 'lint-config', '--version')).toEqual({ status: 0, stdout: `${NEXT}\n`, stderr: '' })
  }, 300_000)

  it('refuses, with one line and exit code 2, what is not a release, and changes nothing', () => {
    const head = git(dir, 'rev-parse', 'HEAD')
    const refused = (...args: string[]) => {
      const run = release(...args)
      return [run.status, run.stderr, run.stdout]
    }
    expect(refused(NEXT)).toEqual([2, `release: tag v${NEXT} exists already\n`, ''])
    expect(refused(`${major}.${minor + 1}.0`)).toEqual([2, 'release: the Unreleased section of CHANGELOG.md lists no change: nothing to release\n', ''])
    expect(refused('1.2')).toEqual([2, 'release: "1.2" is not a semantic version (such as 0.2.0)\n', ''])
    expect(refused()).toEqual([2, 'release: usage: node scripts/release.mjs [--notes] <version> [--date YYYY-MM-DD]\n', ''])
    writeFileSync(path.join(dir, 'stray.txt'), 'x\n')
    expect(refused(`${major}.${minor + 1}.0`)).toEqual([2, 'release: the work tree has uncommitted or untracked changes; commit or stash them first\n', ''])
    rmSync(path.join(dir, 'stray.txt'))
    git(dir, 'checkout', '-q', '-b', 'feature')
    expect(refused(`${major}.${minor + 1}.0`)).toEqual([2, 'release: releases are cut on main, not on "feature"\n', ''])
    git(dir, 'checkout', '-q', 'main')
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head)
    expect(git(dir, 'status', '--porcelain')).toBe('')
  })
})
