// Migrations proven on a real mitmproxy: Debian's `mitmproxy` package (8.1.1), the
// runtime for the 6 → 8 part of the chain. Not part of `npm test`; run with
// `npm run test:runtime` (builds first). Needs /usr/bin/mitmdump and /usr/bin/python3 from
// that package (`apt-get install -y mitmproxy`); MITMDUMP / MITM_PYTHON override the paths.
//
// For every example addon in examples/v6-addons/:
//   1. mitmdump replays a flow file (made now by make_flows.py with mitmproxy's own test
//      helpers) with the UNMIGRATED addon, and the run must show it failing on the old API
//      (addon error, load error, mitmproxy's warning that a hook was removed, or missing
//      output), with the failure's own signature, so the test is known to be able to fail;
//   2. the built CLI rewrites a copy with `--from 6 --to 8 --write`;
//   3. mitmdump replays the flows with the migrated copy: no addon error, no traceback, no
//      deprecation warning caused by the addon, and every hook's expected output.
// Then a loopback run: a local HTTP server, mitmdump as a proxy in front of it with the
// connection tracker, one request through it; the connection hooks must fire.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/mitm-codemod.js");
const EXAMPLES = path.join(ROOT, "examples/v6-addons");
const MAKE_FLOWS = path.join(__dirname, "make_flows.py");
const MITMDUMP = process.env.MITMDUMP ?? "/usr/bin/mitmdump";
const PYTHON = process.env.MITM_PYTHON ?? "/usr/bin/python3";
/** Upper bound for one `mitmdump -n -r` run (a run takes about a second). */
const RUN_TIMEOUT_MS = 60_000;

// ---------------------------------------------------------------------------------------
// What each example must show on mitmproxy 8 after migration, and how it fails before.

interface Expectation {
  /** Lines that must appear in mitmdump's output (exactly, as whole lines). */
  lines?: string[];
  /** Lines that must appear exactly once. */
  once?: string[];
  /** Patterns that must match somewhere in the output (multiline). */
  patterns?: RegExp[];
  /** Blocks of consecutive lines that must appear (dumper output of a body). */
  blocks?: string[][];
  /** Whole lines that must NOT appear (headers the addon strips). */
  absent?: string[];
}

interface Example {
  file: string;
  /** The flow-file replay after migration. */
  expect: Expectation;
  /** Evidence in the unmigrated run that it failed on the old API (not on the harness). */
  oldApiFailure: RegExp;
}

const EXAMPLE_SPECS: Example[] = [
  {
    file: "block_ads.py",
    expect: {
      once: ["blocked http://ads.example.com/banner.js (1 so far)"], // request
      lines: ["block_ads: 1 requests blocked", "    <h1>Blocked</h1>"], // done; the 403 page in the dump
      patterns: [/^ << 403 Forbidden 16b$/m],
    },
    oldApiFailure: /AttributeError: module 'mitmproxy\.http' has no attribute 'HTTPResponse'/,
  },
  {
    file: "header_rewriter.py",
    expect: {
      once: [
        "request to api.example.com carries credentials", // request (debug level)
        "insecure cookie from api.example.com", // response: only the cookie without Secure
      ],
      lines: ["    User-Agent: mitm-codemod-example/1.0", "    Set-Cookie: prefs=dark; Path=/; Secure"],
      absent: ["    Server: nginx/1.22.1", "    X-Powered-By: PHP/8.2"],
    },
    oldApiFailure: /cannot import name 'Headers' from 'mitmproxy\.net\.http'/,
  },
  {
    file: "json_view.py",
    expect: {
      // The response body rendered by the addon's view (2-space indent); mitmproxy's own JSON
      // view would indent by 4. The dumper indents every body line by 4.
      blocks: [
        ["    {", '      "alpha": {', '        "b": 2,', '        "c": 3', "      },", '      "zeta": 1', "    }"],
      ],
    },
    // content_types is silently ignored since mitmproxy 7: the built-in JSON view renders it.
    oldApiFailure: /^ {4}\{\n {8}"alpha": \{$/m,
  },
  {
    file: "websocket_logger.py",
    expect: {
      once: [
        "websocket opened: http://chat.example.com/socket", // websocket_start
        "dropped a message that contains a secret", // websocket_message
        "websocket closed with code 1000 after 3 messages", // websocket_end
        "tcp -> mail.example.com: 21 bytes", // tcp_message
        "tcp <- mail.example.com: 22 bytes",
      ],
      // websocket_message logs the repr of each message (bytes since mitmproxy 7).
      patterns: [/^-> b?'hello'$/m, /^<- b?'welcome, alice'$/m, /^-> b?'my secret is 1234'$/m],
    },
    oldApiFailure: /AttributeError: 'HTTPFlow' object has no attribute 'handshake_flow'/,
  },
  {
    file: "connection_tracker.py",
    // Replaying a file opens no connection: only request and done fire here; the connection
    // hooks are proven by the loopback run below.
    expect: {
      once: [
        "request #1 from 127.0.0.1: http://ads.example.com/banner.js",
        "request #2 from 127.0.0.1: http://api.example.com/v1/profile",
        "request #3 from 127.0.0.1: http://chat.example.com/socket",
        "connection summary: 0 client connections, 0 server connections, 3 requests",
      ],
    },
    oldApiFailure: /^The clientconnect event has been removed, use client_connected instead\./m,
  },
];

/** The loopback run: lines the connection tracker's hooks print (PORT = the HTTP server's). */
function loopbackExpectation(serverPort: number): Expectation {
  return {
    patterns: [
      /^client connected: 127\.0\.0\.1:\d+$/m, // client_connected
      new RegExp(`^server connected: 127\\.0\\.0\\.1 \\(via \\('127\\.0\\.0\\.1', ${serverPort}\\)\\)$`, "m"), // server_connected
      new RegExp(`^server disconnected: \\('127\\.0\\.0\\.1', ${serverPort}\\)$`, "m"), // server_disconnected
      /^client disconnected: \('127\.0\.0\.1', \d+\)$/m, // client_disconnected
    ],
    once: [
      `request #1 from 127.0.0.1: http://127.0.0.1:${serverPort}/hello`,
      "connection summary: 1 client connections, 1 server connections, 1 requests",
      "client 127.0.0.1: 1 connections",
      "server 127.0.0.1: 1 connections",
    ],
  };
}

// ---------------------------------------------------------------------------------------
// Checking a run

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function normalize(text: string): string {
  return text.replace(/\r\n/g, "\n");
}

/**
 * Deprecation warnings caused by the addon. mitmproxy 8.1.1 reports the old API in two ways:
 * - at load, `ctx.log.warn("The clientconnect event has been removed, use client_connected
 *   instead. …")` for clientconnect, clientdisconnect, serverconnect, serverdisconnect
 *   (addonmanager.py `api_changes`); the old methods are then never called;
 * - Python DeprecationWarnings with stacklevel=2, so attributed to the addon's own line:
 *   Client.address, Client.cipher_name, Client.clientcert, Connection.alpn_proto_negotiated,
 *   Server.ip_address, Server.cert, WebSocketMessage.kill(), HTTPFlow.mode. Python hides them
 *   by default; the runs set PYTHONWARNINGS=default::DeprecationWarning to see them.
 * ctx.log is NOT deprecated in 8.1.1 (that is step 9). Warnings about Python itself from
 * Debian's libraries (passlib's `crypt`, mitmproxy's own `imghdr` import) are not about the
 * addon and are ignored.
 */
function addonDeprecations(run: Run, addonPath: string): string[] {
  const all = normalize(run.stdout + "\n" + run.stderr).split("\n");
  return all.filter(
    (l) =>
      /^The \w+ event has been removed, use /.test(l) ||
      (l.includes("DeprecationWarning") &&
        (l.startsWith(addonPath) || /\b(Client|Server|Connection|WebSocketMessage|HTTPFlow)\.\w+.* is deprecated/.test(l))),
  );
}

/** Everything wrong with a run, judged against an expectation; [] when it is clean. */
function problems(run: Run, addonPath: string, e: Expectation): string[] {
  const out: string[] = [];
  const text = normalize(run.stdout + "\n" + run.stderr);
  const lines = text.split("\n");
  if (run.signal) out.push(`mitmdump was stopped by ${run.signal} (timeout?)`);
  else if (run.code !== 0) out.push(`mitmdump exited with ${run.code}`);
  if (/Addon error/.test(text)) out.push("an 'Addon error' was logged");
  if (/Traceback \(most recent call last\)/.test(text)) out.push("a traceback was printed");
  if (text.includes(`in script ${addonPath}`)) out.push("the script failed to load");
  for (const d of addonDeprecations(run, addonPath)) out.push(`deprecation: ${d}`);
  const count = (l: string) => lines.filter((x) => x === l).length;
  for (const l of e.lines ?? []) if (count(l) === 0) out.push(`missing line: ${JSON.stringify(l)}`);
  for (const l of e.once ?? []) {
    const n = count(l);
    if (n !== 1) out.push(`expected once, seen ${n} times: ${JSON.stringify(l)}`);
  }
  for (const p of e.patterns ?? []) if (!p.test(text)) out.push(`no match for ${p}`);
  for (const b of e.blocks ?? []) if (!text.includes(b.join("\n"))) out.push(`missing block: ${JSON.stringify(b.join("\n"))}`);
  for (const l of e.absent ?? []) if (count(l) > 0) out.push(`unexpected line: ${JSON.stringify(l)}`);
  return out;
}

function describeRun(run: Run, probs: string[]): string {
  return [
    "problems:",
    ...probs.map((p) => "  - " + p),
    `exit: ${run.code ?? run.signal}`,
    "--- stdout ---",
    run.stdout,
    "--- stderr ---",
    run.stderr,
  ].join("\n");
}

// ---------------------------------------------------------------------------------------
// Processes

let tmpRoot = "";
let flows = "";
let confdir = "";
const children = new Set<ChildProcess>();
const servers = new Set<net.Server>();

/** mitmproxy's interpreter, untouched by a pyenv/virtualenv in the caller's environment. */
function pythonEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONWARNINGS: "default::DeprecationWarning" };
  delete env.PYTHONPATH;
  delete env.PYTHONHOME;
  delete env.VIRTUAL_ENV;
  return env;
}

function mitmdumpArgs(extra: string[]): string[] {
  // termlog_verbosity=debug: the examples log some hooks at debug level;
  // flow-detail 3: headers and bodies in the dump (content views, stripped headers).
  return ["--set", `confdir=${confdir}`, "--set", "termlog_verbosity=debug", "--flow-detail", "3", ...extra];
}

function replay(addon: string | null): Run {
  const args = mitmdumpArgs(["-n", "-r", flows, ...(addon ? ["-s", addon] : [])]);
  const r = spawnSync(MITMDUMP, args, {
    cwd: tmpRoot,
    env: pythonEnv(),
    encoding: "utf8",
    timeout: RUN_TIMEOUT_MS,
    killSignal: "SIGKILL",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== "ETIMEDOUT") throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function codemod(target: string) {
  const r = spawnSync(process.execPath, [BIN, "--from", "6", "--to", "8", "--write", target], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: RUN_TIMEOUT_MS,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function stage(file: string, kind: "before" | "after"): string {
  const dir = path.join(tmpRoot, path.basename(file, ".py"), kind);
  fs.mkdirSync(dir, { recursive: true });
  const dest = path.join(dir, file);
  fs.copyFileSync(path.join(EXAMPLES, file), dest);
  return dest;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, cond: () => boolean, ms: number, proc?: ChildProcess): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (proc && proc.exitCode !== null) throw new Error(`mitmdump exited (${proc.exitCode}) while waiting for ${what}`);
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** Stop a child: SIGTERM (mitmdump shuts down and runs `done`), SIGKILL after `ms`. */
async function stop(child: ChildProcess, ms = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    children.delete(child);
    return;
  }
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), ms);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

function closeServer(s: net.Server): Promise<void> {
  servers.delete(s);
  return new Promise((r) => s.close(() => r()));
}

/** One request through the proxy (absolute-form URI, as a proxy client sends it). */
function proxiedGet(proxyPort: number, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: proxyPort, method: "GET", path: url, agent: false, headers: { Host: new URL(url).host, Connection: "close" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.setTimeout(20_000, () => req.destroy(new Error("proxied request timed out")));
    req.on("error", reject);
    req.end();
  });
}

/**
 * mitmdump as a proxy on 127.0.0.1 in front of a local HTTP server, the addon loaded, one
 * request sent through it; then mitmdump is stopped (so `done` runs) and its output returned.
 */
async function loopback(addon: string): Promise<{ run: Run; serverPort: number; response: { status: number; body: string } }> {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(`hello from ${req.url}\n`);
  });
  servers.add(server);
  let child: ChildProcess | undefined;
  try {
    await new Promise<void>((r, j) => {
      server.once("error", j);
      server.listen(0, "127.0.0.1", () => r());
    });
    const serverPort = (server.address() as net.AddressInfo).port;
    const proxyPort = await freePort();
    const args = mitmdumpArgs(["--listen-host", "127.0.0.1", "--listen-port", String(proxyPort), "-s", addon]);
    const proc = spawn(MITMDUMP, args, { cwd: tmpRoot, env: pythonEnv(), stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    children.add(proc);
    let stdout = "";
    let stderr = "";
    proc.stdout!.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    proc.stderr!.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    await waitFor("'Proxy server listening'", () => stdout.includes(`Proxy server listening at 127.0.0.1:${proxyPort}`), 30_000, proc);
    const response = await proxiedGet(proxyPort, `http://127.0.0.1:${serverPort}/hello`);
    // mitmproxy's own log of the client going away: the connection's life is over.
    await waitFor("mitmproxy's 'client disconnect'", () => /: client disconnect$/m.test(normalize(stdout)), 15_000, proc);
    // Give the addon's hooks a moment to log (they fire around mitmproxy's own lines).
    const want = loopbackExpectation(serverPort).patterns!;
    await waitFor("the addon's connection lines", () => want.every((p) => p.test(normalize(stdout))), 5_000, proc).catch(() => {});
    await stop(proc);
    return { run: { code: proc.exitCode, signal: proc.signalCode, stdout, stderr }, serverPort, response };
  } finally {
    if (child) await stop(child);
    await closeServer(server);
  }
}

// ---------------------------------------------------------------------------------------

beforeAll(() => {
  for (const [what, p] of [
    ["mitmdump", MITMDUMP],
    ["python", PYTHON],
  ]) {
    if (!fs.existsSync(p)) {
      throw new Error(`${what} not found at ${p}: install Debian's mitmproxy package (apt-get install -y mitmproxy)`);
    }
  }
  if (!fs.existsSync(path.join(ROOT, "dist/src/cli.js"))) throw new Error("the CLI is not built: run `npm run build`");
  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "mitm-codemod-runtime-"));
  confdir = path.join(tmpRoot, "confdir");
  flows = path.join(tmpRoot, "flows.mitm");
  const r = spawnSync(PYTHON, [MAKE_FLOWS, flows], { env: pythonEnv(), encoding: "utf8", timeout: RUN_TIMEOUT_MS });
  if (r.status !== 0) throw new Error(`make_flows.py failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
});

afterAll(async () => {
  // Whatever a failed test left running is stopped here.
  for (const c of [...children]) await stop(c, 5_000);
  for (const s of [...servers]) await closeServer(s);
  if (tmpRoot && !process.env.KEEP_RUNTIME_TMP) fs.rmSync(tmpRoot, { recursive: true, force: true });
});

describe("mitmproxy 8.1.1 (Debian) as the runtime", () => {
  it("is mitmproxy 8.x, and replays the generated flows without any addon", () => {
    const v = spawnSync(MITMDUMP, ["--version"], { env: pythonEnv(), encoding: "utf8", timeout: RUN_TIMEOUT_MS });
    expect(v.stdout).toMatch(/^Mitmproxy: 8\.\d+\.\d+/m);
    const run = replay(null);
    const text = normalize(run.stdout);
    expect(run.code, describeRun(run, [])).toBe(0);
    expect(text).toMatch(/^127\.0\.0\.1:22: GET http:\/\/ads\.example\.com\/banner\.js$/m);
    expect(text).toMatch(/^127\.0\.0\.1:22: GET http:\/\/api\.example\.com\/v1\/profile$/m);
    expect(text).toMatch(/^127\.0\.0\.1:22 -> WebSocket text message -> address:22\/socket$/m);
    expect(text).toMatch(/^127\.0\.0\.1:22 -> tcp -> mail\.example\.com:25$/m);
    expect(run.stderr).not.toMatch(/Traceback|Addon error/);
  });
});

describe.each(EXAMPLE_SPECS.map((ex) => [ex.file, ex] as const))("examples/v6-addons/%s on mitmproxy 8", (_file, ex) => {
  it("fails before migration, on the old API", () => {
    const addon = stage(ex.file, "before");
    const run = replay(addon);
    const probs = problems(run, addon, ex.expect);
    expect(probs.length, `the unmigrated addon ran cleanly:\n${describeRun(run, probs)}`).toBeGreaterThan(0);
    expect(normalize(run.stdout + "\n" + run.stderr), describeRun(run, probs)).toMatch(ex.oldApiFailure);
  });

  it("runs cleanly after `--from 6 --to 8 --write`, every hook producing its output", () => {
    const addon = stage(ex.file, "after");
    const cm = codemod(addon);
    expect([0, 1], `mitm-codemod failed:\n${cm.stderr}`).toContain(cm.code);
    const run = replay(addon);
    const probs = problems(run, addon, ex.expect);
    const migrated = fs.readFileSync(addon, "utf8");
    expect(probs, `${describeRun(run, probs)}\n--- mitm-codemod ---\n${cm.stderr}\n--- migrated addon ---\n${migrated}`).toEqual([]);
  });
});

describe("loopback: the migrated connection tracker behind a real proxy", () => {
  it("the unmigrated tracker's connection hooks never fire", async () => {
    const addon = stage("connection_tracker.py", "before");
    const { run, serverPort, response } = await loopback(addon);
    expect(response.status).toBe(200);
    const probs = problems(run, addon, loopbackExpectation(serverPort));
    expect(probs.length, `the unmigrated tracker ran cleanly:\n${describeRun(run, probs)}`).toBeGreaterThan(0);
    expect(probs, describeRun(run, probs)).toContainEqual(expect.stringMatching(/^no match for .*client connected/));
    expect(run.stdout).toMatch(/^The serverconnect event has been removed/m);
  });

  it("client_connected, server_connected, server_disconnected and client_disconnected fire", async () => {
    const addon = stage("connection_tracker.py", "after");
    const cm = codemod(addon);
    expect([0, 1], `mitm-codemod failed:\n${cm.stderr}`).toContain(cm.code);
    const { run, serverPort, response } = await loopback(addon);
    expect(response).toEqual({ status: 200, body: "hello from /hello\n" });
    const probs = problems(run, addon, loopbackExpectation(serverPort));
    const migrated = fs.readFileSync(addon, "utf8");
    expect(probs, `${describeRun(run, probs)}\n--- mitm-codemod ---\n${cm.stderr}\n--- migrated addon ---\n${migrated}`).toEqual([]);
  });
});
