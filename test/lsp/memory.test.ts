// The server in-process over in-memory streams: closing documents releases what they held (state, timers, parses, heap).
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createConnection } from 'vscode-languageserver/node'
import {
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node'
import { expect, it } from 'vitest'
// @ts-expect-error the generator is plain JavaScript without type declarations
import { generateConfig } from '../../scripts/gen-config.mjs'
import { LintServer } from '../../src/lsp/server.js'
import { fileUri, repo } from '../helpers/lsp-client.js'

// A full collection between the phases, so heap sizes say what is still reachable.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function heap(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

it('closing every document frees its state, timers and parses: the heap returns to where it was', async () => {
  const toServer = new PassThrough()
  const toClient = new PassThrough()
  // Readers and writers rather than raw streams: the server side then never calls process.exit on this test.
  const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient))
  const server = new LintServer(connection, { overrides: { balances: [1018] }, debounceMs: 0, version: 'test', cwd: repo })
  server.listen()
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer))
  // Only counts: the test must not itself hold what it checks the server lets go of.
  const published: number[] = []
  let notify = (): void => {}
  client.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
    published.push(p.diagnostics.length)
    notify()
  })
  client.listen()
  const until = (count: number) =>
    new Promise<void>((resolve) => {
      notify = () => published.length >= count && resolve()
      notify()
    })
  // processId null: the server does not poll for this process (vscode-languageserver's parent watchdog).
  await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null })
  await client.sendNotification(InitializedNotification.type, {})

  // A real-sized config (2,500 lines, as the bot's), open 40 times in 40 directories.
  const text = (generateConfig as (o: { lines: number; seed: number }) => string)({ lines: 2500, seed: 1 })
  const uris = Array.from({ length: 40 }, (_, i) => fileUri(path.join(tmpdir(), `lint-config-memory-${i}`, 'config_futures.yaml')))
  const round = async (list: string[]) => {
    const start = published.length
    for (const uri of list) void client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } })
    await until(start + list.length)
    const held = heap()
    expect(server.stats()).toMatchObject({ documents: list.length, states: list.length, timers: 0 })
    for (const uri of list) void client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } })
    await until(start + 2 * list.length)
    expect(new Set(published.slice(start, start + list.length)).size).toBe(1)
    expect(published.slice(start + list.length)).toEqual(list.map(() => 0))
    return held
  }

  // A first round grows what stays sized for the peak (Map backing stores, compiled code); later rounds must not add to it.
  await round(uris)
  const before = heap()
  const open = await round(uris)
  await round(uris)
  await round(uris)
  const after = heap()
  expect(server.stats()).toEqual({ documents: 0, states: 0, timers: 0, settingsDirectories: 0 })
  // 40 open copies (their texts, parses and findings) take tens of megabytes; three rounds later none of it is left.
  expect(open - before).toBeGreaterThan(20_000_000)
  expect(after - before).toBeLessThan((open - before) / 20)
  client.dispose()
  connection.dispose()
}, 60_000)
