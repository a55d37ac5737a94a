-- argmap.lua: a pandoc (and Quarto) filter that draws the code blocks of class `argmap`.
--
--   pandoc --lua-filter "$(argmap embed --filter-path)" notes.md -o notes.html
--
-- Each block is drawn by `argmap embed` (the command `argmap` on PATH, or $ARGMAP): inline
-- SVG for HTML output, a PDF for LaTeX (and PDF) output, a PNG for the rest; the PDF and
-- PNG files are written to ./argmap-figures/, named by what they hold. A block that cannot
-- be drawn stops pandoc: argmap prints its diagnostics, located in the document.

local ARGMAP = os.getenv("ARGMAP") or "argmap"
local FOLDER = "argmap-figures"
local seen = {}  -- how many blocks of each text were drawn: the n-th is the n-th in the file

local function target()
  if FORMAT:match("html") or FORMAT:match("epub") or FORMAT == "revealjs" then
    return "html"
  elseif FORMAT:match("latex") or FORMAT == "beamer" or FORMAT == "context" then
    return "pdf"
  end
  return "png"
end

local function run(args, text)
  local ok, result = pcall(pandoc.pipe, ARGMAP, args, text)
  if not ok then
    -- argmap has printed its diagnostics on standard error; a Lua traceback adds nothing.
    os.exit(type(result) == "table" and result.error_code or 1)
  end
  return result
end

function CodeBlock(block)
  if not block.classes:includes("argmap") then
    return nil
  end
  local to = target()
  local document = PANDOC_STATE.input_files[1] or ""
  local occurrence = seen[block.text] or 0
  seen[block.text] = occurrence + 1
  local args = {"embed", "--to", to, "--document", document,
                "--occurrence", tostring(occurrence)}
  for key, value in pairs(block.attributes) do
    table.insert(args, key .. "=" .. value)
  end
  if to == "html" then
    return pandoc.RawBlock("html", run(args, block.text))
  end
  pandoc.system.make_directory(FOLDER, true)
  local name = FOLDER .. "/" .. pandoc.utils.sha1(table.concat(args, "\0") .. "\0" .. block.text)
    .. "." .. to
  table.insert(args, "-o")
  table.insert(args, name)
  run(args, block.text)
  local caption = block.attributes.caption or ""
  local image = pandoc.Image({}, name, "", {alt = caption ~= "" and caption or "argument map"})
  if caption == "" then
    return pandoc.Para({image})
  end
  return pandoc.Figure(pandoc.Plain({image}), {pandoc.Plain(pandoc.Inlines(caption))})
end
