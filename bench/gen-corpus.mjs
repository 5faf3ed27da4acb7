#!/usr/bin/env node
// The benchmark corpus: the Python standard library of this machine's python3 (real code that
// never imports mitmproxy: the common case in a big repository) plus N generated mitmproxy 6
// addons that use many of the old APIs per file. Deterministic: the same seed, N and scale give
// the same bytes (given the same python3).
//
//   node bench/gen-corpus.mjs [--n 2000] [--scale 1] [--seed 20240611] [--out DIR] [--force] [--check-all]
//
// At scale K the corpus holds K copies of the standard library (stdlib-1 … stdlib-K) and K·N
// addons. The folder is made a repository root of its own (git init): the project's .gitignore
// lists /bench/corpus/, and the tool, like git, honours the .gitignore files of the repository
// a walked folder belongs to. A .corpus.json manifest records what was generated; an existing
// corpus with the same manifest is kept as it is.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pythonSyntaxErrors } from "../scripts/python-ast.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_SEED = 20240611;
const GENERATOR_VERSION = crypto.createHash("sha256").update(fs.readFileSync(fileURLToPath(import.meta.url))).digest("hex").slice(0, 12);

/** The folders the tool never walks (src/files.ts DEFAULT_EXCLUDES): left out of the stdlib copy so every row sees the same files. */
async function defaultExcludes() {
  try {
    return (await import("../dist/src/files.js")).DEFAULT_EXCLUDES;
  } catch {
    throw new Error("dist/ is missing: run `npm run build` first (npm run bench does)");
  }
}

export function corpusDir(n, scale) {
  return path.join(HERE, "corpus", `n${n}-x${scale}`);
}

// ---- a small seeded PRNG (mulberry32) ------------------------------------------------------

function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    shuffle: (xs) => {
      const a2 = [...xs];
      for (let i = a2.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a2[i], a2[j]] = [a2[j], a2[i]];
      }
      return a2;
    },
    some: (xs, lo, hi) => r.shuffle(xs).slice(0, r.int(lo, Math.min(hi, xs.length))),
  };
  return r;
}

/** Each addon has its own stream: the first N addons of a bigger corpus are those of a smaller one. */
export const addonRng = (seed, i) => rng((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);

// ---- generated mitmproxy 6 addons ----------------------------------------------------------

const ADJ = ["Quiet", "Strict", "Lazy", "Shared", "Local", "Remote", "Simple", "Fast", "Safe", "Verbose", "Tiny", "Global", "Secure", "Legacy", "Custom"];
const NOUN = ["Tracker", "Logger", "Blocker", "Rewriter", "Auditor", "Counter", "Sniffer", "Filter", "Monitor", "Recorder", "Guard", "Inspector", "Router", "Limiter", "Collector"];
const HOSTS = ["ads.example.com", "tracker.example.net", "api.example.org", "cdn.example.io", "login.example.com", "metrics.example.dev", "static.example.net"];
const HEADERS = ["X-Request-Id", "X-Forwarded-For", "Server", "X-Powered-By", "Via", "X-Debug", "X-Trace"];
const MIME = ["application/json", "application/vnd.api+json", "text/csv", "application/x-ndjson", "text/x-log", "application/problem+json"];
const LEVELS = ["info", "warn", "error", "alert", "debug"];

/** A Python string literal with one %s, {}, or an f-string around `expr`. */
function message(r, text, expr) {
  const form = r.int(0, 3);
  // (Before Python 3.12 an f-string's expressions cannot hold its own quote character.)
  switch (form === 2 && expr.includes('"') ? 0 : form) {
    case 0:
      return `"${text}: %s" % (${expr},)`;
    case 1:
      return `"${text}: {}".format(${expr})`;
    case 2:
      return `f"${text}: {${expr}}"`;
    default:
      return `"${text}: " + str(${expr})`;
  }
}

/** One ctx.log call in one of the mitmproxy 6 forms. */
function logCall(r, text, expr) {
  const msg = message(r, text, expr);
  switch (r.int(0, 7)) {
    case 0:
    case 1:
      return `ctx.log.info(${msg})`;
    case 2:
      return `ctx.log.warn(${msg})`;
    case 3:
      return `ctx.log.error(${msg})`;
    case 4:
      return `ctx.log.alert(${msg})`;
    case 5:
      return `ctx.log.debug(${msg})`;
    case 6:
      return `ctx.log(${msg})`;
    default:
      return `ctx.log(${msg}, "${r.pick(LEVELS.filter((l) => l !== "info"))}")`;
  }
}

/** Indents a block of lines (each a string; "" stays empty). */
const indent = (lines, by) => lines.map((l) => (l === "" ? "" : " ".repeat(by) + l));

/**
 * The pieces an addon is made of. Each returns { imports:Set, hooks:[{name, params, body}],
 * top:[lines before the class], bottom:[lines after] } for the chosen style.
 */
function pieces(r, names) {
  const p = [];
  const flow = r.pick(["flow", "f", "flw"]);

  // Connection hooks: clientconnect/clientdisconnect(layer), serverconnect/serverdisconnect(conn).
  p.push(() => {
    const layer = r.pick(["layer", "layer_", "lyr"]);
    const conn = r.pick(["conn", "server_conn", "c"]);
    const hooks = [];
    hooks.push({
      name: "clientconnect",
      params: [layer],
      body: [
        `host, port = ${layer}.client_conn.address`,
        `self.clients[host] = self.clients.get(host, 0) + 1`,
        logCall(r, "client connected", "host"),
      ],
    });
    if (r.chance(0.7)) {
      hooks.push({ name: "clientdisconnect", params: [layer], body: [logCall(r, "client disconnected", `${layer}.client_conn.address`)] });
    }
    hooks.push({
      name: "serverconnect",
      params: [conn],
      body: [
        `self.servers[${conn}.address[0]] = self.servers.get(${conn}.address[0], 0) + 1`,
        logCall(r, "server connected via", `${conn}.ip_address`),
      ],
    });
    if (r.chance(0.6)) {
      hooks.push({ name: "serverdisconnect", params: [conn], body: [`if ${conn}.tls_established:`, `    ${logCall(r, "closed TLS connection", `${conn}.address`)}`] });
    }
    return { imports: ["ctx"], hooks, init: ["self.clients = {}", "self.servers = {}"] };
  });

  // A request hook that answers blocked hosts with http.HTTPResponse.make, maybe with Headers.
  p.push(() => {
    const headers = r.chance(0.6);
    const status = r.pick([403, 404, 451, 503]);
    const host = r.pick(HOSTS);
    const hdr = headers ? `Headers(content_type="text/plain", x_blocked_by="${names.cls}")` : `{"Content-Type": "text/html"}`;
    return {
      imports: headers ? ["ctx", "http", "Headers"] : ["ctx", "http"],
      top: [`BLOCKED_${names.upper} = {"${host}", "${r.pick(HOSTS)}"}`],
      hooks: [
        {
          name: "request",
          params: [flow],
          body: [
            `if ${flow}.request.pretty_host in BLOCKED_${names.upper}:`,
            `    ${flow}.response = http.HTTPResponse.make(`,
            `        ${status},`,
            `        b"blocked by ${names.cls}",`,
            `        ${hdr},`,
            `    )`,
            `    ${logCall(r, "blocked", `${flow}.request.pretty_url`)}`,
          ],
        },
      ],
    };
  });

  // A response hook that rewrites headers and looks at the client address.
  p.push(() => {
    const strip = r.some(HEADERS, 1, 3);
    return {
      imports: ["ctx"],
      top: [`STRIP_${names.upper} = (${strip.map((h) => `"${h.toLowerCase()}"`).join(", ")},)`],
      hooks: [
        {
          name: "response",
          params: [flow],
          body: [
            `client = ${flow}.client_conn.address[0]`,
            `for name in STRIP_${names.upper}:`,
            `    if name in ${flow}.response.headers:`,
            `        del ${flow}.response.headers[name]`,
            `if ${flow}.response.status_code >= ${r.pick([400, 500])}:`,
            `    ${logCall(r, "error response for", "client")}`,
          ],
        },
      ],
    };
  });

  // WebSocket hooks: flow.messages, message.kill(), message.content as str.
  p.push(() => {
    const msg = r.pick(["message", "msg", "m"]);
    const word = r.pick(["secret", "password", "token", "spam"]);
    const hooks = [
      {
        name: "websocket_message",
        params: [flow],
        body: [
          `${msg} = ${flow}.messages[-1]`,
          `direction = "->" if ${msg}.from_client else "<-"`,
          logCall(r, "websocket " + r.pick(["frame", "message"]), `direction`),
          `if "${word}" in ${msg}.content:`,
          `    ${msg}.kill()`,
          `    ${logCall(r, "dropped a message with", `"${word}"`)}`,
        ],
      },
    ];
    if (r.chance(0.6)) {
      hooks.push({ name: "websocket_start", params: [flow], body: [logCall(r, "websocket opened", `${flow}.handshake_flow.request.pretty_url`)] });
    }
    if (r.chance(0.6)) {
      const body = [logCall(r, "websocket closed after messages", `len(${flow}.messages)`)];
      // W7-05 (removed, a finding): some addons logged the close message.
      if (r.chance(0.3)) body.push(`if ${flow}.close_message:`, `    ${logCall(r, "close message", `${flow}.close_message`)}`);
      hooks.push({ name: "websocket_end", params: [flow], body });
    }
    return { imports: ["ctx"], hooks };
  });

  // Hooks that mitmproxy 7 removed or changed, which the tool reports for a human (findings).
  p.push(() => {
    const hooks = [];
    if (r.chance(0.5)) hooks.push({ name: "websocket_handshake", params: [flow], body: [logCall(r, "websocket handshake", `${flow}.request.host`)] });
    if (hooks.length === 0 || r.chance(0.5)) {
      const layer = r.pick(["layer", "nextlayer"]);
      hooks.push({ name: "next_layer", params: [layer], body: [logCall(r, "next layer", `repr(${layer})`)] });
    }
    return { imports: ["ctx"], hooks };
  });

  // A raw TCP hook (unchanged API), for bulk and realism.
  p.push(() => ({
    imports: ["ctx"],
    hooks: [
      {
        name: "tcp_message",
        params: [flow],
        body: [
          `message = ${flow}.messages[-1]`,
          `if len(message.content) > ${r.pick([1024, 4096, 65536])}:`,
          `    ${logCall(r, "large tcp message from", `${flow}.server_conn.address`)}`,
        ],
      },
    ],
  }));

  // Options: load(loader) and configure(updated).
  p.push(() => {
    const opt = `${names.snake}_${r.pick(["limit", "enabled", "hosts", "level"])}`;
    return {
      imports: ["ctx"],
      hooks: [
        { name: "load", params: ["loader"], body: [`loader.add_option("${opt}", int, ${r.int(1, 100)}, "${names.cls} setting")`] },
        { name: "configure", params: ["updated"], body: [`if "${opt}" in updated:`, `    self.limit = ctx.options.${opt}`, `    ${logCall(r, "option set", `self.limit`)}`] },
      ],
      init: ["self.limit = 0"],
    };
  });

  return p;
}

/** A mitmproxy 6 content view with content_types, __call__ → format_text, and load/done add/remove. */
function contentView(r, names) {
  const cls = `View${names.cls}`;
  const types = r.some(MIME, 1, 3);
  const lines = [
    `class ${cls}(contentviews.View):`,
    `    name = "${names.words}"`,
    `    content_types = [${types.map((t) => `"${t}"`).join(", ")}]`,
    "",
    "    def __call__(self, data, **metadata):",
    "        try:",
    "            doc = json.loads(data)",
    "        except ValueError:",
    "            return None",
    `        return "${names.words}", contentviews.format_text(json.dumps(doc, indent=${r.pick([2, 4])}, sort_keys=${r.pick(["True", "False"])}))`,
  ];
  return { cls, lines, obj: `${names.snake}_view` };
}

/** A helper function with ordinary Python code (no mitmproxy API), for realistic bulk. */
function helper(r, i) {
  const name = r.pick(["normalise", "summarise", "split_pairs", "parse_limits", "short_id", "bucket"]) + `_${i}`;
  switch (r.int(0, 3)) {
    case 0:
      return [`def ${name}(values):`, `    """Sorted unique lower-case values."""`, `    return sorted({str(v).strip().lower() for v in values if v})`];
    case 1:
      return [
        `def ${name}(text, sep="${r.pick([",", ";", "&"])}"):`,
        `    out = {}`,
        `    for part in text.split(sep):`,
        `        key, _, value = part.partition("=")`,
        `        if key:`,
        `            out[key.strip()] = value.strip()`,
        `    return out`,
      ];
    case 2:
      return [
        `def ${name}(counts, top=${r.int(3, 10)}):`,
        `    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))`,
        `    return ", ".join("%s=%d" % kv for kv in ranked[:top])`,
      ];
    default:
      return [
        `def ${name}(value, size=${r.pick([8, 16, 32])}):`,
        `    digest = hashlib.sha1(str(value).encode()).hexdigest()`,
        `    return digest[:size]`,
      ];
  }
}

export function generateAddon(r, index) {
  const adj = r.pick(ADJ);
  const noun = r.pick(NOUN);
  const names = {
    cls: `${adj}${noun}${index}`,
    words: `${adj} ${noun.toLowerCase()} ${index}`,
    snake: `${adj.toLowerCase()}_${noun.toLowerCase()}_${index}`,
    upper: `${adj.toUpperCase()}_${noun.toUpperCase()}`,
  };
  const all = pieces(r, names);
  // Many old APIs per file: most pieces, in a varied order (the last piece, removed hooks, in about a third).
  const manual = all.pop();
  const chosen = r.shuffle(all).slice(0, r.int(3, all.length)).map((f) => f());
  if (r.chance(0.35)) chosen.push(manual());
  const withView = r.chance(0.35);
  const classStyle = r.chance(0.7);

  const imports = new Set(chosen.flatMap((c) => c.imports));
  if (withView) imports.add("contentviews");
  const mitm = ["ctx", "http", "contentviews"].filter((x) => imports.has(x));
  const helpers = [];
  for (let k = 0, n = r.int(1, 3); k < n; k++) helpers.push(helper(r, k));
  const needsHash = helpers.some((h) => h.join("\n").includes("hashlib"));

  const head = [`"""${names.words}: a mitmproxy 6 addon (generated for the mitm-codemod benchmark)."""`];
  const std = r.shuffle(["import json", "import time", ...(needsHash ? ["import hashlib"] : [])]);
  const mitmLines = [];
  if (mitm.length > 0) {
    if (r.chance(0.5)) mitmLines.push(`from mitmproxy import ${mitm.join(", ")}`);
    else for (const m of mitm) mitmLines.push(`from mitmproxy import ${m}`);
  }
  if (imports.has("Headers")) mitmLines.push("from mitmproxy.net.http import Headers");
  head.push(...std, "", ...r.shuffle(mitmLines), "");

  const out = [...head];
  const tops = chosen.flatMap((c) => c.top ?? []);
  if (tops.length) out.push(...tops, "");
  for (const h of helpers) out.push("", ...h, "");

  const view = withView ? contentView(r, names) : null;
  if (view) out.push("", ...view.lines, "", "", `${view.obj} = ${view.cls}()`, "");

  const hooks = chosen.flatMap((c) => c.hooks);
  // load/done: one of each, merging the content view's registration.
  const load = hooks.find((h) => h.name === "load");
  const rest = hooks.filter((h) => h.name !== "load");
  const viewLoad = view ? [`contentviews.add(${view.obj})`] : [];
  const loadHook = load || view ? { name: "load", params: [load ? load.params[0] : "loader"], body: [...(load ? load.body : []), ...viewLoad] } : null;
  const done = view ? { name: "done", params: [], body: [`contentviews.remove(${view.obj})`, logCall(r, "unloaded", `"${names.cls}"`)] } : null;
  const ordered = r.shuffle(rest);
  if (loadHook) ordered.unshift(loadHook);
  if (done) ordered.push(done);

  if (classStyle) {
    out.push("", `class ${names.cls}:`);
    out.push(`    """${names.words}."""`, "");
    const init = chosen.flatMap((c) => c.init ?? []);
    out.push("    def __init__(self):", ...indent(init.length ? init : ["self.started = time.time()"], 8), "");
    for (const h of ordered) {
      out.push(`    def ${h.name}(${["self", ...h.params].join(", ")}):`, ...indent(h.body, 8), "");
    }
    out.push("", `addons = [${names.cls}()]`);
  } else {
    // Module-level hooks: `self.` state becomes module globals in a dict.
    out.push("", `STATE = {'clients': {}, 'servers': {}, 'limit': 0}`, "");
    for (const h of ordered) {
      const body = h.body.map((l) => l.replace(/self\.(clients|servers|limit)/g, "STATE['$1']"));
      out.push("", `def ${h.name}(${h.params.join(", ")}):`, ...indent(body, 4), "");
    }
  }
  return out.join("\n").replace(/\n{3,}(?=\S)/g, "\n\n\n").replace(/\n*$/, "\n");
}

// ---- the corpus ----------------------------------------------------------------------------

function stdlibDir() {
  const r = spawnSync("python3", ["-c", "import sysconfig, sys; print(sysconfig.get_paths()['stdlib']); print(sys.version.split()[0])"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`python3 not found or failed: ${r.stderr}`);
  const [dir, version] = r.stdout.trim().split("\n");
  return { dir, version };
}

/** Every *.py file under the stdlib (relative paths, sorted), without site-packages and the tool's excluded folders. */
function stdlibFiles(root, excludes) {
  const out = [];
  const skip = new Set([...excludes, "site-packages"]);
  const walk = (rel) => {
    const entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!skip.has(e.name)) walk(p);
      } else if (e.isFile() && e.name.endsWith(".py")) out.push(p);
    }
  };
  walk("");
  return out;
}

/** python3's ast over some files: throws with the first failures. */
function checkWithPythonAst(files) {
  const bad = pythonSyntaxErrors(files);
  if (bad.length > 0) throw new Error(`generated addons that python3 cannot parse:\n${bad.slice(0, 10).join("\n")}`);
}

export async function ensureCorpus({ n = 2000, scale = 1, seed = DEFAULT_SEED, out, force = false, checkAll = false, log = console.error } = {}) {
  const dir = out ?? corpusDir(n, scale);
  const py = stdlibDir();
  const wanted = { generator: GENERATOR_VERSION, seed, n, scale, python: py.version, stdlib: py.dir };
  const manifestPath = path.join(dir, ".corpus.json");
  if (!force && fs.existsSync(manifestPath)) {
    const have = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
    if (JSON.stringify(have.params) === JSON.stringify(wanted)) return { dir, ...have };
    log(`corpus ${dir} was made with other parameters; regenerating`);
  }
  const t0 = Date.now();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // A repository root of its own (see the header).
  if (spawnSync("git", ["init", "-q", dir]).status !== 0) fs.mkdirSync(path.join(dir, ".git"));

  const excludes = await defaultExcludes();
  const std = stdlibFiles(py.dir, excludes);
  let stdBytes = 0;
  for (let k = 1; k <= scale; k++) {
    const base = path.join(dir, scale === 1 ? "stdlib" : `stdlib-${k}`);
    for (const rel of std) {
      const dest = path.join(base, rel);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.copyFileSync(path.join(py.dir, rel), dest);
      stdBytes += fs.statSync(dest).size;
    }
  }

  const addons = [];
  let addonBytes = 0;
  const total = n * scale;
  for (let i = 0; i < total; i++) {
    const text = generateAddon(addonRng(seed, i), i);
    const rel = path.join("addons", `team_${String(Math.floor(i / 100)).padStart(3, "0")}`, `addon_${String(i).padStart(5, "0")}.py`);
    const dest = path.join(dir, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, text);
    addons.push(dest);
    addonBytes += Buffer.byteLength(text);
  }
  // A sample (or all) of the generated addons through python3's own parser.
  const sample = checkAll || addons.length <= 500 ? addons : rng(seed ^ 0x5eed).shuffle(addons).slice(0, 500);
  checkWithPythonAst(sample);

  const manifest = {
    params: wanted,
    files: { stdlib: std.length * scale, addons: total, total: std.length * scale + total },
    bytes: { stdlib: stdBytes, addons: addonBytes, total: stdBytes + addonBytes },
    astChecked: sample.length,
    firstAddon: path.relative(dir, addons[0]),
  };
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
  log(
    `corpus ${path.relative(process.cwd(), dir)}: ${manifest.files.stdlib} stdlib files (python ${py.version}) + ${total} addons, ` +
      `${(manifest.bytes.total / 1e6).toFixed(1)} MB; ${sample.length} addons checked with python3's ast; ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { dir, ...manifest };
}

// ---- command line --------------------------------------------------------------------------

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  if (args.includes("--help")) {
    console.log("node bench/gen-corpus.mjs [--n 2000] [--scale 1] [--seed N] [--out DIR] [--force] [--check-all]");
    process.exit(0);
  }
  if (args.includes("--print")) {
    // One generated addon on stdout, e.g. to look at: --print 7
    const i = Number(opt("print", 0));
    process.stdout.write(generateAddon(addonRng(Number(opt("seed", DEFAULT_SEED)), i), i));
    process.exit(0);
  }
  const m = await ensureCorpus({
    n: Number(opt("n", 2000)),
    scale: Number(opt("scale", 1)),
    seed: Number(opt("seed", DEFAULT_SEED)),
    out: opt("out") ? path.resolve(opt("out")) : undefined,
    force: args.includes("--force"),
    checkAll: args.includes("--check-all"),
  });
  console.log(m.dir);
}
