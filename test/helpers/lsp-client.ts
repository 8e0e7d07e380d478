// An LSP client for tests: the real vscode-languageserver-protocol client side, over a child process running the built server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node'
import { NO_BALANCE_LINE } from './no-balance-note.js'

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const bin = path.join(repo, 'dist/bin.js')

/** What a client that supports everything the server offers says about itself (VS Code's answers). */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
}

export interface LspClient {
  connection: ProtocolConnection
  initializeResult: InitializeResult
  /** Every publishDiagnostics notification, in arrival order. */
  published: PublishDiagnosticsParams[]
  /** Registrations the server asked for (client/registerCapability). */
  registrations: Registration[]
  /** Everything the server wrote to stderr. */
  stderr(): string
  open(uri: string, text: string, version?: number): void
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void
  close(uri: string): void
  /** Resolves with the first publish for `uri` (already received or to come) that `accept` takes. */
  diagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>
  hover(uri: string, line: number, character: number): Promise<Hover | null>
  codeActions(uri: string, range: Range, diagnostics?: Diagnostic[], only?: string[]): Promise<CodeAction[]>
  /** shutdown, exit, and the server's exit code. */
  stop(): Promise<number | null>
}

/**
 * The hover over `base_position_usd: 42.0` (line 24) of fixtures/lsp/config_futures.yaml, whose settings name the reference
 * balances $1,018 and $2,500: the same text whichever client asks.
 */
export const FIXTURE_OVERRIDE_HOVER = [
  '**`BTC-USDT` trending override** $42.00 at the reference balances:',
  '',
  '- **$1,018.00** (profile `small`, per-symbol size $115.73): ignored, deviates 63.7% (> 50%)',
  '- **$2,500.00** (profile `small`, per-symbol size $180.00): ignored, deviates 76.7% (> 50%)',
  '',
  'Live only for balances up to $780.00.',
].join('\n')

/** One finding of the CLI's `--format json` (ESLint's LintMessage). */
export interface EslintMessage {
  ruleId: string
  severity: 1 | 2
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
}

/**
 * The CLI's `--format json` messages for one file, from the same build as the server; settings resolve from the file.
 * Its stderr must be empty, or exactly the note of a file whose settings name no reference balance.
 */
export function cliMessages(file: string, args: string[] = []): EslintMessage[] {
  const run = spawnSync(process.execPath, [bin, '--format', 'json', ...args, file], { cwd: path.dirname(file), encoding: 'utf8' })
  if ((run.stderr !== '' && run.stderr !== NO_BALANCE_LINE) || run.status === 2) throw new Error(`lint-config failed on ${file}: ${run.stderr}`)
  const result = (JSON.parse(run.stdout) as { messages: EslintMessage[]; notes?: string[] }[])[0]!
  if ((run.stderr === NO_BALANCE_LINE) !== (result.notes !== undefined)) throw new Error(`lint-config on ${file}: stderr ${JSON.stringify(run.stderr)}, notes ${JSON.stringify(result.notes)}`)
  return result.messages
}

/** What each CLI message must be as a diagnostic, field by field: 1-based line/column to 0-based line/UTF-16 character. */
export function expectedDiagnostics(messages: readonly EslintMessage[]): Diagnostic[] {
  return messages.map((m) => ({
    range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } },
    severity: m.severity === 2 ? 1 : 2,
    code: m.ruleId,
    codeDescription: { href: `https://github.com/lint-config/lint-config/blob/main/docs/rules/${m.ruleId}.md` },
    source: 'lint-config',
    message: m.message,
  }))
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href
}

/** Starts `node dist/bin.js lsp ...args` in `cwd`, initializes it and sends `initialized`. */
export async function startServer(options: { cwd: string; args?: string[]; capabilities?: ClientCapabilities }): Promise<LspClient> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'lsp', ...(options.args ?? [])], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
  const published: PublishDiagnosticsParams[] = []
  const registrations: Registration[] = []
  const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = []
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params)
    for (const w of [...waiters]) {
      if (w.uri === params.uri && w.accept(params)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(params)
      }
    }
  })
  connection.onRequest(RegistrationRequest.type, (params) => {
    registrations.push(...params.registrations)
  })
  connection.listen()
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: fileUri(options.cwd),
    capabilities: options.capabilities ?? FULL_CAPABILITIES,
    workspaceFolders: null,
  })
  await connection.sendNotification(InitializedNotification.type, {})

  return {
    connection,
    initializeResult,
    published,
    registrations,
    stderr: () => stderr,
    open(uri, text, version = 1) {
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } })
    },
    change(uri, version, contentChanges) {
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges })
    },
    close(uri) {
      void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } })
    },
    diagnostics(uri, accept = () => true, timeoutMs = 20_000) {
      const hit = published.find((p) => p.uri === uri && accept(p))
      if (hit) return Promise.resolve(hit)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs)
        waiters.push({ uri, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) })
      })
    },
    hover: (uri, line, character) => connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }),
    codeActions: async (uri, range, diagnostics = [], only) =>
      ((await connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range,
        context: { diagnostics, ...(only ? { only } : {}) },
      })) ?? []) as CodeAction[],
    async stop() {
      await connection.sendRequest(ShutdownRequest.type)
      await connection.sendNotification(ExitNotification.type)
      const code = await exited
      connection.dispose()
      return code
    },
  }
}
