-- Article Lens in Neovim 0.7 (Debian's), a second real LSP client: starts `node dist/server.js
-- --stdio` with vim.lsp.start_client, attaches it to the article given on the command line,
-- asks for hover on "Khazali", document symbols and semantic tokens with buf_request_sync,
-- checks the answers, writes them to $ARTICLE_LENS_RESULT as JSON and quits: 0 when every
-- check passed, `:cquit 1` otherwise. Run:
--   ARTICLE_LENS_SERVER=dist/server.js nvim --headless --clean -c "luafile test/e2e/nvim/lsp.lua" -- samples/khazali.article
local server = assert(os.getenv('ARTICLE_LENS_SERVER'), 'set ARTICLE_LENS_SERVER to dist/server.js')
local node = os.getenv('ARTICLE_LENS_NODE') or 'node'
local result_file = os.getenv('ARTICLE_LENS_RESULT')
local SPEAKER = 'Qais al-Khazali'

local failures = {}
local report = { checks = {}, failures = failures }

local function finish()
  if result_file then
    local f = io.open(result_file, 'w')
    f:write(vim.fn.json_encode(report))
    f:close()
  end
  for _, msg in ipairs(failures) do io.stderr:write('FAIL: ' .. msg .. '\n') end
  if #failures > 0 then
    vim.cmd('cquit 1')
  else
    vim.cmd('qall!')
  end
end

local function check(ok, name, detail)
  table.insert(report.checks, { name = name, ok = ok and true or false })
  if not ok then table.insert(failures, name .. (detail and (': ' .. detail) or '')) end
  return ok
end

-- Anything that throws still ends nvim with a failure, never a hang.
local ok, err = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'article'
  local initialized, exited = false, nil
  local client_id = vim.lsp.start_client({
    name = 'article-lens',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    settings = { articleLens = {} },
    on_init = function() initialized = true end,
    on_exit = function(code) exited = code end,
  })
  assert(client_id, 'vim.lsp.start_client failed')
  vim.wait(15000, function() return initialized or exited ~= nil end, 20)
  assert(initialized, 'the server did not answer initialize' .. (exited and (' (it exited with ' .. exited .. ')') or ' within 15 s'))
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  report.serverInfo = client.server_capabilities and client.server_capabilities.hoverProvider ~= nil
  check(client.server_capabilities.hoverProvider, 'the server offers hover')
  check(client.server_capabilities.documentSymbolProvider, 'the server offers document symbols')

  local uri = vim.uri_from_bufnr(bufnr)
  local function request(method, params)
    local responses, e = vim.lsp.buf_request_sync(bufnr, method, params, 15000)
    if not responses then return nil, e end
    local r = responses[client_id]
    if not r then return nil, 'no response' end
    if r.err then return nil, vim.inspect(r.err) end
    return r.result
  end

  -- Hover on "Khazali" in "Khazali also said that …" (LSP positions count UTF-16 units; this line is ASCII up to there).
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local line
  for i, l in ipairs(lines) do
    if l:find('^Khazali also said') then line = i - 1 end
  end
  assert(line, 'no line “Khazali also said” in the buffer')
  local hover, herr = request('textDocument/hover', { textDocument = { uri = uri }, position = { line = line, character = 3 } })
  local text = ''
  if hover and hover.contents then
    text = type(hover.contents) == 'string' and hover.contents or (hover.contents.value or '')
  end
  report.hover = text
  check(hover ~= nil, 'hover on “Khazali” answers', herr)
  check(text:find('**' .. SPEAKER .. '** · Person', 1, true), 'the hover card names ' .. SPEAKER, text)
  check(text:find('**Quoted ', 1, true), 'the hover card lists his quotes', text)

  local symbols, serr = request('textDocument/documentSymbol', { textDocument = { uri = uri } })
  check(symbols ~= nil, 'documentSymbol answers', serr)
  symbols = symbols or {}
  local names, sources, people = {}, nil, nil
  for _, s in ipairs(symbols) do
    table.insert(names, s.name)
    if s.name == 'Sources' then sources = s end
    if s.name == 'People' then people = s end
  end
  report.symbols = names
  for _, g in ipairs({ 'Sources', 'People', 'Organizations', 'Places', 'Timeline' }) do
    check(vim.tbl_contains(names, g), 'the symbols have ' .. g, table.concat(names, ', '))
  end
  local function child(parent, name)
    for _, c in ipairs((parent and parent.children) or {}) do
      if c.name == name then return c end
    end
  end
  local function childNames(parent)
    local out = {}
    for _, c in ipairs((parent and parent.children) or {}) do table.insert(out, c.name) end
    return out
  end
  report.sources = childNames(sources)
  local him = child(sources, SPEAKER)
  check(him ~= nil, 'Sources has ' .. SPEAKER, table.concat(report.sources, ', '))
  check(him and #(him.children or {}) > 0, SPEAKER .. ' has quotes under Sources')
  check(child(people, SPEAKER) ~= nil, 'People has ' .. SPEAKER, table.concat(childNames(people), ', '))

  -- Neovim 0.7 paints no semantic tokens, but the request works as in any client.
  local tokens, terr = request('textDocument/semanticTokens/full', { textDocument = { uri = uri } })
  report.tokenCount = tokens and tokens.data and (#tokens.data / 5) or 0
  check(tokens and tokens.data and #tokens.data >= 5 and #tokens.data % 5 == 0, 'semantic tokens answer', terr)

  vim.lsp.stop_client(client_id)
end)
if not ok then check(false, 'the script ran to its end', tostring(err)) end
finish()
