// sarif: a SARIF 2.1.0 log that GitHub code scanning accepts (upload-sarif), with every rule described and each finding located.
import { pathToFileURL } from 'node:url'
import { reportLocation, STDIN_NAME } from '../text/report-path.js'
import type { FileResult, Finding, FormatContext, Formatter, RuleMeta, SeveritySetting, SuppressedFinding } from '../types.js'

/** The `$id` of the OASIS schema (errata01) the output validates against; the test checks it with that very schema. */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'

/** The base every repository-relative artifact URI is resolved against: the working directory the linter ran in. */
export const SRCROOT = '%SRCROOT%'

const LEVEL: Record<SeveritySetting, 'error' | 'warning' | 'none'> = { error: 'error', warn: 'warning', off: 'none' }

interface ArtifactLocation {
  uri: string
  uriBaseId?: string
  index?: number
}

/**
 * Where a FileResult lives, as a SARIF artifactLocation (without `index`):
 * - inside ctx.cwd: a relative URI, percent-encoded per segment, against `%SRCROOT%` (GitHub resolves it from the repo root);
 * - outside it: an absolute `file:` URI and no base (a base id is only allowed on relative references);
 * - '<stdin>': the encoded name and no base, since it names no file in the repository.
 */
export function artifactLocationOf(filePath: string, cwd: string): ArtifactLocation {
  const where = reportLocation(filePath, cwd)
  if (where.kind === 'stdin') return { uri: encodeURIComponent(STDIN_NAME) }
  if (where.kind === 'outside') return { uri: pathToFileURL(where.absolute).href }
  // encodeURIComponent also encodes ':', so a first segment like "c:x.yaml" cannot be read as a URI scheme.
  return { uri: where.relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
}

/** GitHub links code scanning tools to a repository page; our docs URLs are `<repository>/blob/<ref>/docs/...`. */
function repositoryUrl(ctx: FormatContext, ruleIds: readonly string[]): string | undefined {
  const first = ruleIds[0]
  if (first === undefined) return undefined
  return /^(https:\/\/[^/]+\/[^/]+\/[^/]+)\/(?:blob|tree)\//.exec(ctx.docsUrl(first))?.[1]
}

function ruleDescriptor(id: string, meta: RuleMeta | undefined, ctx: FormatContext): Record<string, unknown> {
  const url = ctx.docsUrl(id)
  const description = meta?.description ?? id
  return {
    id,
    name: id,
    shortDescription: { text: description },
    // RuleMeta carries one line; the long form lives on the docs page, which help points to.
    fullDescription: { text: description },
    // GitHub's SARIF docs mark help.text required and show it next to each alert, so the docs link goes there too.
    help: { text: `${description}\n\nDocumentation: ${url}`, markdown: `${description}\n\n[Documentation](${url})` },
    helpUri: url,
    ...(meta ? { defaultConfiguration: { level: LEVEL[meta.defaultSeverity] } } : {}),
  }
}

function region(f: Finding): Record<string, number> {
  // SARIF regions are 1-based with an exclusive endColumn, exactly our Range.
  return {
    startLine: f.range.start.line,
    startColumn: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
  }
}

/**
 * A finding's suggestions as SARIF `fix` objects: one artifactChange on the finding's own file, one replacement whose
 * deleted region is given in lines and columns (as the finding's region), never in offsets: our offsets index the
 * text without a BOM, SARIF's would index the file.
 */
function fixes(f: Finding, artifactLocation: ArtifactLocation): Record<string, unknown>[] {
  return (f.suggestions ?? []).map((s) => ({
    description: { text: s.desc },
    artifactChanges: [
      {
        artifactLocation,
        replacements: [
          {
            deletedRegion: { startLine: s.range.start.line, startColumn: s.range.start.column, endLine: s.range.end.line, endColumn: s.range.end.column },
            insertedContent: { text: s.fix.text },
          },
        ],
      },
    ],
    ...(s.messageId !== undefined ? { properties: { messageId: s.messageId } } : {}),
  }))
}

/**
 * A SARIF suppression for a silenced finding: `inSource` for an inline directive, `external` for the bulk suppressions
 * file; GitHub's SARIF docs close alerts whose suppression is `accepted`.
 */
function suppression(f: SuppressedFinding): Record<string, string> {
  const kind = f.kind === 'file' ? 'external' : 'inSource'
  return { kind, status: 'accepted', ...(f.justification !== '' ? { justification: f.justification } : {}) }
}

/**
 * SARIF 2.1.0 (one run). Rules: every rule in ctx.rules (plus any ruleId only seen in findings), sorted by id, so
 * `ruleIndex` is stable. Results: files in the given order, findings by start offset; findings silenced by an inline
 * directive are included with an in-source suppression (GitHub closes such alerts). Columns count UTF-16 code units.
 * Suggestions become the result's `fixes` (regions in lines and columns); the --fix edit is left out, since a finding
 * carries it in offsets only, and offsets into the BOM-stripped text are not SARIF's offsets into the file.
 */
export const sarif: Formatter = (results, ctx) => {
  const ruleIds = [
    ...new Set([
      ...Object.keys(ctx.rules),
      ...results.flatMap((r) => [...r.findings, ...(r.suppressed ?? [])].map((f) => f.ruleId)),
    ]),
  ].sort()
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]))

  const artifacts: Record<string, unknown>[] = []
  const artifactIndex = new Map<string, number>()
  const sarifResults: Record<string, unknown>[] = []

  for (const result of results as FileResult[]) {
    const location = artifactLocationOf(result.filePath, ctx.cwd)
    const key = `${location.uriBaseId ?? ''}|${location.uri}`
    let index = artifactIndex.get(key)
    if (index === undefined) {
      index = artifacts.length
      artifactIndex.set(key, index)
      const roles = result.filePath === STDIN_NAME ? ['analysisTarget', 'standardStream'] : ['analysisTarget']
      artifacts.push({ location, roles })
    }
    const findings: { f: Finding; silenced?: SuppressedFinding }[] = [
      ...result.findings.map((f) => ({ f })),
      ...(result.suppressed ?? []).map((f) => ({ f, silenced: f })),
    ]
    // Array.prototype.sort is stable, so at equal offsets reported findings stay ahead of suppressed ones.
    findings.sort((a, b) => a.f.range.start.offset - b.f.range.start.offset)
    for (const { f, silenced } of findings) {
      sarifResults.push({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        level: f.severity === 'error' ? 'error' : 'warning',
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { ...location, index }, region: region(f) } }],
        ...(silenced ? { suppressions: [suppression(silenced)] } : {}),
        ...(f.suggestions?.length ? { fixes: fixes(f, { ...location, index }) } : {}),
        properties: { jsonPointer: f.path, messageId: f.messageId },
      })
    }
  }

  const informationUri = repositoryUrl(ctx, ruleIds)
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'lint-config',
            ...(ctx.version !== undefined ? { version: ctx.version, semanticVersion: ctx.version } : {}),
            ...(informationUri !== undefined ? { informationUri } : {}),
            rules: ruleIds.map((id) => ruleDescriptor(id, ctx.rules[id], ctx)),
          },
        },
        // Lets SARIF viewers open the files; GitHub itself resolves relative URIs from the repository root.
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/')}` } },
        ...(ctx.notifications?.length
          ? {
              invocations: [
                {
                  executionSuccessful: !ctx.notifications.some((n) => n.level === 'error'),
                  toolExecutionNotifications: ctx.notifications.map((n) => ({ level: n.level, message: { text: n.message } })),
                },
              ],
            }
          : {}),
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}
