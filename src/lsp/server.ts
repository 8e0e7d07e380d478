// `lint-config lsp`: a Language Server Protocol server over stdio: findings as diagnostics while typing, quick fixes, sizes on hover.
import { fileURLToPath } from 'node:url'
import { format } from 'node:util'
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { lintText } from '../engine/lint-text.js'
import { parseConfig } from '../engine/parse.js'
import { rules } from '../rules/index.js'
import type { SettingsOverrides } from '../settings/resolve.js'
import { FIX_ALL_KIND } from './code-actions.js'
import { bomShift, problemDiagnostic, toDiagnostic } from './convert.js'
import { codeActionsFor, hoverFor, type Linted } from './requests.js'
import { WorkspaceSettings, isSettingsFile, type FileSettings } from './workspace.js'

/** How the server lints; the `lsp` subcommand's flags. */
export interface ServerOptions {
  /** `--config`, `--balance`, `--rule`: as on the command line, they win over the settings file. */
  overrides: SettingsOverrides
  /**
   * Milliseconds between two lints of one document. A change to a document not linted within that time is linted at
   * once; changes that come faster are folded into one lint of the newest text at the end of the window.
   */
  debounceMs: number
  /** For `serverInfo`. */
  version: string
  /** Where a relative `--config` is resolved. */
  cwd: string
}

/** The default `debounceMs`: a burst of changes (a paste, an undo, a fast typist) costs at most 20 lints a second. */
export const DEFAULT_DEBOUNCE_MS = 50

/** What the server keeps per open document; dropped whole when the document closes. */
interface DocumentState {
  timer?: ReturnType<typeof setTimeout>
  /** performance.now() when the last lint of this document started, ms. */
  lastLint: number
  linted?: Linted
  /** Diagnostics were published and not cleared since. */
  published: boolean
}

/** The absolute path of a `file:` URI; undefined for other schemes (untitled buffers, remote files). */
function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ').trim()
}

/** The server's state and handlers, over any connection (stdio in production, in-memory streams in tests). */
export class LintServer {
  readonly documents = new TextDocuments(TextDocument)
  private readonly states = new Map<string, DocumentState>()
  private readonly workspace: WorkspaceSettings
  private generation = 0
  private documentChanges = false
  private watchFiles = false

  constructor(
    private readonly connection: Connection,
    private readonly options: ServerOptions,
  ) {
    this.workspace = new WorkspaceSettings(rules, options.cwd, options.overrides)
  }

  /** Open documents and cached settings directories, for tests that check closing a document frees what it held. */
  stats(): { documents: number; states: number; timers: number; settingsDirectories: number } {
    return {
      documents: this.documents.all().length,
      states: this.states.size,
      timers: [...this.states.values()].filter((s) => s.timer !== undefined).length,
      settingsDirectories: this.workspace.size,
    }
  }

  /** Wires every handler and starts reading the connection. */
  listen(): void {
    const { connection, documents } = this
    connection.onInitialize((params) => this.initialize(params))
    connection.onInitialized(() => {
      if (!this.watchFiles) return
      // Settings files anywhere in the workspace; a change re-lints every open document with fresh settings.
      const globPattern = `**/{${['.lint-config.yaml', '.lint-config.yml', '.lint-config.json', 'package.json'].join(',')}}`
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern }] }).catch((error: unknown) => {
        connection.console.warn(`lint-config: cannot watch settings files: ${message(error)}`)
      })
    })
    documents.onDidChangeContent((event) => this.schedule(event.document.uri))
    documents.onDidClose((event) => this.close(event.document.uri))
    documents.onDidSave((event) => {
      const file = filePathOf(event.document.uri)
      if (file !== undefined && isSettingsFile(file)) this.settingsChanged()
    })
    connection.onDidChangeWatchedFiles(() => this.settingsChanged())
    connection.onCodeAction((params) => this.guard('codeAction', [], () => this.codeActions(params)))
    connection.onHover((params) => this.guard('hover', null, () => this.hover(params)))
    connection.onShutdown(() => {
      for (const state of this.states.values()) clearTimeout(state.timer)
      this.states.clear()
    })
    documents.listen(connection)
    connection.listen()
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.documentChanges = params.capabilities.workspace?.workspaceEdit?.documentChanges === true
    this.watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
      },
      serverInfo: { name: 'lint-config', version: this.options.version },
    }
  }

  /** A handler never fails the request: a bug is logged and the client gets an empty answer. */
  private async guard<T>(name: string, fallback: T, run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      this.connection.console.error(`lint-config: ${name} failed: ${message(error)}`)
      return fallback
    }
  }

  private schedule(uri: string): void {
    let state = this.states.get(uri)
    if (!state) this.states.set(uri, (state = { lastLint: -Infinity, published: false }))
    // A pending lint reads the text when it runs, so it already covers this change.
    if (state.timer !== undefined) return
    const wait = Math.max(0, state.lastLint + this.options.debounceMs - performance.now())
    const pending = state
    pending.timer = setTimeout(() => {
      pending.timer = undefined
      void this.lint(uri)
    }, wait)
  }

  private close(uri: string): void {
    const state = this.states.get(uri)
    if (!state) return
    clearTimeout(state.timer)
    this.states.delete(uri)
    this.workspace.retain([...this.states.keys()].flatMap((open) => filePathOf(open) ?? []))
    // Editors keep published diagnostics until told otherwise; a closed file shows none, as with ESLint.
    if (state.published) void this.connection.sendDiagnostics({ uri, diagnostics: [] })
  }

  private settingsChanged(): void {
    this.workspace.reset()
    this.generation++
    for (const uri of this.states.keys()) this.schedule(uri)
  }

  /**
   * Lints the document's current text and publishes the findings. Settings are resolved first (the only await); the text
   * is read, linted and published after it without yielding, so what is published is always for the version the server
   * holds at that moment, never for an older one.
   */
  private async lint(uri: string): Promise<Linted | undefined> {
    const state = this.states.get(uri)
    const file = filePathOf(uri)
    if (!state || file === undefined) return undefined
    const generation = this.generation
    let target: FileSettings | { error: string }
    try {
      target = await this.workspace.forFile(file)
    } catch (error) {
      target = { error: message(error) }
    }
    const document = this.documents.get(uri)
    if (!document || this.states.get(uri) !== state || generation !== this.generation) return undefined
    // A change that came during the await scheduled a lint; this one reads the newest text, so that one is not needed.
    clearTimeout(state.timer)
    state.timer = undefined
    state.lastLint = performance.now()
    const linted: Linted = { version: document.version, generation }
    state.linted = linted
    if ('error' in target) {
      this.connection.console.error(`lint-config: ${target.error}`)
      this.publish(uri, state, document.version, [problemDiagnostic(`lint-config: ${target.error}`)])
      return linted
    }
    if (!target.lint) {
      if (state.published) this.publish(uri, state, document.version, [])
      return linted
    }
    try {
      const text = document.getText()
      const parsed = parseConfig(text)
      const result = lintText(text, target.settings, { filePath: file, parsed })
      Object.assign(linted, { parsed, result, settings: target.settings })
      const shift = bomShift(document)
      this.publish(uri, state, document.version, result.findings.map((f) => toDiagnostic(f, document, shift)))
    } catch (error) {
      // A rule crashed (a bug in lint-config): say so where the findings would be, and keep serving.
      this.connection.console.error(`lint-config: internal error: ${message(error)}`)
      this.publish(uri, state, document.version, [problemDiagnostic(`lint-config: internal error: ${message(error)}`)])
    }
    return linted
  }

  private publish(uri: string, state: DocumentState, version: number, diagnostics: Diagnostic[]): void {
    state.published = diagnostics.length > 0 || state.published
    void this.connection.sendDiagnostics({ uri, version, diagnostics })
  }

  /** The lint of the document's current version: the last one if still current, else a new one now (skipping the wait). */
  private async current(uri: string): Promise<{ document: TextDocument; linted: Linted } | undefined> {
    const state = this.states.get(uri)
    let document = this.documents.get(uri)
    if (!state || !document) return undefined
    let linted = state.linted
    if (!linted || linted.version !== document.version || linted.generation !== this.generation) linted = await this.lint(uri)
    document = this.documents.get(uri)
    return linted && document && linted.version === document.version ? { document, linted } : undefined
  }

  private async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const now = await this.current(params.textDocument.uri)
    return now ? codeActionsFor(now.document, now.linted, params, this.documentChanges) : []
  }

  private async hover(params: HoverParams): Promise<Hover | null> {
    const now = await this.current(params.textDocument.uri)
    return now ? hoverFor(now.document, now.linted, params) : null
  }
}

/**
 * Runs the server on stdin/stdout until the client says `exit` or closes stdin; vscode-languageserver then ends the
 * process (exit code 0 after a `shutdown` request, 1 without), as the protocol asks.
 */
export async function runLsp(options: ServerOptions): Promise<number> {
  // stdout carries the protocol: anything a library prints would corrupt it, so console output goes to stderr,
  // which editors show in their language-server log.
  const toStderr = (...args: unknown[]): void => void process.stderr.write(`${format(...args)}\n`)
  console.log = console.info = console.warn = console.error = console.debug = toStderr
  // A bug must not take the editor's findings away for the rest of the session: log it and keep serving.
  process.on('uncaughtException', (error) => toStderr(`lint-config: internal error: ${message(error)}`))
  process.on('unhandledRejection', (error) => toStderr(`lint-config: internal error: ${message(error)}`))
  const connection = createConnection(process.stdin, process.stdout)
  new LintServer(connection, options).listen()
  return new Promise<number>(() => {})
}
