-- Neovim as the LSP client of `lint-config lsp`, for test/lsp/neovim.test.ts: diagnostics, a hover and a code action, written as JSON.
-- Run as `nvim --headless --clean -n -i NONE -c 'luafile neovim.lua' config_futures.yaml`, with LINT_CONFIG_CMD (a JSON
-- array: the server's command line) and LINT_CONFIG_OUT (where to write) in the environment. Works with Neovim 0.7
-- (Debian 12: vim.lsp.start_client) and later (vim.lsp.start, as the README shows).
local out = {}
local function finish(code)
  local file = io.open(vim.env.LINT_CONFIG_OUT, 'w')
  file:write(vim.fn.json_encode(out))
  file:close()
  vim.cmd(code == 0 and 'qa!' or 'cq!')
end

local bufnr = vim.api.nvim_get_current_buf()
local config = { name = 'lint-config', cmd = vim.fn.json_decode(vim.env.LINT_CONFIG_CMD), root_dir = vim.fn.getcwd() }
local client_id
if vim.lsp.start then
  client_id = vim.lsp.start(config)
else
  client_id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(bufnr, client_id)
end

local function diagnostics()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    -- Neovim 0.7 keeps the LSP code under user_data; later versions put it on the diagnostic.
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source, code = code,
    })
  end
  return list
end

if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
  out.error = 'no diagnostics within 30 s'
  finish(1)
end
out.diagnostics = diagnostics()

local uri = vim.uri_from_bufnr(bufnr)
local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 23, character = 20 } }, 10000)
out.hover = hover and hover[client_id] and hover[client_id].result and hover[client_id].result.contents.value or vim.NIL

-- The quick fix for the gap on line 17, applied by the editor; then wait for the server's new findings.
local range = { start = { line = 16, character = 46 }, ['end'] = { line = 16, character = 46 } }
local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', { textDocument = { uri = uri }, range = range, context = { diagnostics = {} } }, 10000)
local fix
for _, action in ipairs(actions and actions[client_id] and actions[client_id].result or {}) do
  if action.title == 'Fix this profile-continuity problem' then fix = action end
end
if not fix then
  out.error = 'no fix action'
  finish(1)
end
local before = #vim.diagnostic.get(bufnr)
vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) == before - 1 end, 20) then
  out.error = 'the fix did not clear its finding within 30 s'
  finish(1)
end
out.fixed = { text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\n') .. '\n', diagnostics = diagnostics() }
finish(0)
