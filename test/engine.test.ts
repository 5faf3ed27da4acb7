// Unit tests of the engine (src/): edits, layout, imports, scopes, hooks, versions, pipeline.
import { describe, expect, it } from "vitest";
import { EditConflictError, EditSet } from "../src/edits.js";
import { parse } from "../src/parser.js";
import { SourceFile, detectLayout } from "../src/source.js";
import { runPipeline } from "../src/pipeline.js";
import { defineTransform, type Step, type Transform } from "../src/transform.js";
import { parseRange, plan, parseVersion, UsageError } from "../src/versions.js";
import { decodeSource, encodeSource, DecodeError } from "../src/encoding.js";
import { applyMoves } from "../src/moves.js";
import { ImportPlan } from "../src/import-plan.js";
import { registry } from "./helpers.js";

function fileOf(text: string): SourceFile {
  return new SourceFile("t.py", text, parse(text), detectLayout(text), registry.knowledge);
}

function applied(f: SourceFile): string {
  return f.edits.apply(f.text);
}

describe("EditSet", () => {
  it("defers an edit that overlaps another transform's edit", () => {
    const e = new EditSet();
    expect(e.add(0, 5, "x", "a")).toBe(true);
    expect(e.add(3, 8, "y", "b")).toBe(false);
    expect(e.deferred).toBe(1);
    expect(e.apply("0123456789")).toBe("x56789");
  });

  it("throws when one transform makes overlapping edits", () => {
    const e = new EditSet();
    e.add(0, 5, "x", "a");
    expect(() => e.add(4, 6, "y", "a")).toThrow(EditConflictError);
  });

  it("keeps insertions at the boundaries of a replacement, in order", () => {
    const e = new EditSet();
    e.add(2, 4, "XY", "a");
    e.add(2, 2, "<", "b");
    e.add(4, 4, ">", "b");
    e.add(4, 4, "!", "c");
    expect(e.apply("0123456")).toBe("01<XY>!456");
  });

  it("rejects an insertion strictly inside a replaced span", () => {
    const e = new EditSet();
    e.add(2, 6, "", "a");
    expect(e.add(4, 4, "z", "b")).toBe(false);
  });

  it("knows which spans an edit already touches", () => {
    const e = new EditSet();
    e.add(10, 14, "x", "a");
    e.add(20, 20, "!", "a");
    expect([e.touches(0, 5), e.touches(12, 30), e.touches(8, 11), e.touches(14, 18), e.touches(18, 22), e.touches(20, 25)]).toEqual([false, true, true, false, true, false]);
  });

  it("maps offsets of the old text to the new text", () => {
    const e = new EditSet();
    e.add(0, 3, "abcdef", "a"); // +3
    e.add(5, 5, "!!", "a"); // +2 at 5
    expect(e.mapOffset(4)).toBe(7);
    expect(e.mapOffset(5)).toBe(10);
    expect(e.mapOffset(1)).toBe(1);
  });
});

describe("layout", () => {
  it("detects CRLF and the indentation unit", () => {
    expect(detectLayout("def f():\r\n\tpass\r\n")).toEqual({ newline: "\r\n", indentUnit: "\t" });
    expect(detectLayout("class A:\n  # c\n  x = 1\n")).toEqual({ newline: "\n", indentUnit: "  " });
    expect(detectLayout("x = 1")).toEqual({ newline: "\n", indentUnit: "    " });
  });

  it("writes inserted code with the file's newline and indentation", () => {
    const f = fileOf("class A:\r\n\tx = 1\r\n");
    expect(f.code("def f(self):\n    return 1\n", "\t")).toBe("\tdef f(self):\r\n\t\treturn 1\r\n");
  });

  it("refuses edits inside strings and comments", () => {
    const f = fileOf('x = "ctx.log"  # ctx.log\n');
    f.transform = "t";
    expect(() => f.replace({ start: 5, end: 8 }, "y")).toThrow(/inside a string_content/);
    expect(() => f.replace({ start: 19, end: 22 }, "y")).toThrow(/inside a comment/);
  });
});

describe("imports", () => {
  const resolveAll = (src: string, names: string[]) => {
    const f = fileOf(src);
    const out: Record<string, string | null> = {};
    for (const node of [...f.nodes("attribute"), ...f.nodes("identifier")]) {
      if (names.includes(node.text) && !(node.text in out)) out[node.text] = f.imports.resolve(node);
    }
    return out;
  };

  it("resolves every import form", () => {
    const src = [
      "from mitmproxy import ctx as c",
      "import mitmproxy.http",
      "from mitmproxy.http import HTTPResponse as R",
      "import mitmproxy.net.http as nhttp",
      "from . import sibling",
      "log = c.log",
      "c.log.info(1); mitmproxy.http.HTTPFlow; R.make(); nhttp.Headers(); sibling.x; log.info(2)",
      "",
    ].join("\n");
    expect(resolveAll(src, ["c.log.info", "mitmproxy.http.HTTPFlow", "R", "nhttp.Headers", "sibling.x", "log.info"])).toEqual({
      "c.log.info": "mitmproxy.ctx.log.info",
      "mitmproxy.http.HTTPFlow": "mitmproxy.http.HTTPFlow",
      R: "mitmproxy.http.HTTPResponse",
      "nhttp.Headers": "mitmproxy.net.http.Headers",
      "sibling.x": null,
      "log.info": "mitmproxy.ctx.log.info",
    });
  });

  it("does not resolve names shadowed by a parameter, a local or a rebinding", () => {
    const src = [
      "from mitmproxy import ctx",
      "def f(ctx):",
      "    ctx.log.info(1)",
      "def g():",
      "    ctx = object()",
      "    ctx.log.info(2)",
      "def h():",
      "    ctx.log.info(3)",
      "",
    ].join("\n");
    const f = fileOf(src);
    const calls = f
      .nodes("call")
      .filter((c) => c.childForFieldName("function")!.type === "attribute")
      .map((c) => f.imports.resolve(c.childForFieldName("function")));
    expect(calls).toEqual([null, null, "mitmproxy.ctx.log.info"]);
    const rebound = fileOf("from mitmproxy import ctx\nctx = None\nctx.log.info(1)\n");
    expect(rebound.imports.resolve(rebound.nodes("call")[0].childForFieldName("function"))).toBeNull();
  });

  it("methods do not see class-level names", () => {
    const src = "from mitmproxy import ctx\nclass A:\n    ctx = None\n    def f(self):\n        ctx.log.info(1)\n";
    const f = fileOf(src);
    expect(f.imports.resolve(f.nodes("call")[0].childForFieldName("function"))).toBe("mitmproxy.ctx.log.info");
  });

  const added = (src: string, q: string, asModule = false) => {
    const f = fileOf(src);
    f.transform = "t";
    f.imports.ensure(q, { asModule });
    return applied(f);
  };

  it("adds imports after the docstring, __future__ and the leading imports", () => {
    expect(added('"""Doc."""\nfrom __future__ import annotations\nimport os\n\nx = 1\n', "logging", true)).toBe(
      '"""Doc."""\nfrom __future__ import annotations\nimport os\nimport logging\n\nx = 1\n',
    );
    expect(added("#!/usr/bin/env python\n# comment\nx = 1\n", "logging", true)).toBe(
      "#!/usr/bin/env python\n# comment\nimport logging\n\nx = 1\n",
    );
    expect(added("import os", "logging", true)).toBe("import os\nimport logging");
    expect(added("", "logging", true)).toBe("import logging\n");
    expect(added("import os\r\nx = 1\r\n", "logging", true)).toBe("import os\r\nimport logging\r\nx = 1\r\n");
  });

  it("groups imports added above the first definition, set apart by two blank lines", () => {
    const f = fileOf("# An addon.\ndef request(flow):\n    pass\n");
    f.transform = "t";
    f.imports.ensure("logging", { asModule: true });
    f.imports.ensure("mitmproxy.log.ALERT");
    expect(applied(f)).toBe("# An addon.\nimport logging\nfrom mitmproxy.log import ALERT\n\n\ndef request(flow):\n    pass\n");
  });

  it("extends an existing from-import and reuses existing bindings", () => {
    expect(added("from mitmproxy.log import LogEntry\n", "mitmproxy.log.ALERT")).toBe("from mitmproxy.log import LogEntry, ALERT\n");
    expect(added("import logging as lg\n", "logging", true)).toBe("import logging as lg\n");
    const f = fileOf("import logging as lg\n");
    expect(f.imports.ensure("logging", { asModule: true })).toBe("lg");
  });

  it("never shadows a name the file uses: falls back to the module path", () => {
    expect(added("ALERT = 3\n", "mitmproxy.log.ALERT")).toBe("import mitmproxy.log\n\nALERT = 3\n");
  });

  it("removes an import only when its name has no remaining use", () => {
    const run = (src: string, name: string) => {
      const f = fileOf(src);
      f.transform = "t";
      f.imports.removeIfUnused(name);
      return applied(f);
    };
    expect(run("from mitmproxy import ctx, http\nhttp.HTTPFlow\n", "ctx")).toBe("from mitmproxy import http\nhttp.HTTPFlow\n");
    expect(run("from mitmproxy import http, ctx\nhttp.HTTPFlow\n", "ctx")).toBe("from mitmproxy import http\nhttp.HTTPFlow\n");
    expect(run("from mitmproxy import ctx\nctx.options.x\n", "ctx")).toBe("from mitmproxy import ctx\nctx.options.x\n");
    expect(run("import os\nfrom mitmproxy import ctx\nx = 1\n", "ctx")).toBe("import os\nx = 1\n");
    // Two names of one statement found unused in the same pass: their commas are not cut twice.
    const two = fileOf("from mitmproxy import ctx, http, tls\ntls.ClientHello\n");
    two.transform = "t";
    two.imports.removeIfUnused("ctx");
    two.imports.removeIfUnused("http");
    expect(applied(two)).toBe("from mitmproxy import tls\ntls.ClientHello\n");
    const all = fileOf("import os\nfrom mitmproxy import ctx, http\n");
    all.transform = "t";
    all.imports.removeIfUnused("http");
    all.imports.removeIfUnused("ctx");
    expect(applied(all)).toBe("import os\n");
    expect(run("try:\n    from mitmproxy import ctx\nexcept ImportError:\n    pass\n", "ctx")).toBe(
      "try:\n    pass\nexcept ImportError:\n    pass\n",
    );
  });
});

describe("syntax errors", () => {
  it("a block without statements is an error (tree-sitter accepts `def f():` at the end of a file)", async () => {
    const { firstSyntaxError, countSyntaxErrors } = await import("../src/parser.js");
    const t = parse("import os\n\ndef f():\n    # nothing\n");
    expect(firstSyntaxError(t.rootNode)?.type).toBe("block");
    expect(countSyntaxErrors(t.rootNode)).toBe(1);
    expect(firstSyntaxError(parse("def f():\n    pass\n").rootNode)).toBeNull();
  });
});

describe("addons and hooks", () => {
  const hooks = (src: string) => fileOf(src).addons.hooks().map((h) => `${h.owner ? h.owner.childForFieldName("name")!.text + "." : ""}${h.name}`);

  it("finds hooks of addon classes and module-level hooks", () => {
    const src = [
      "from mitmproxy import http",
      "class A:",
      "    def request(self, flow): pass",
      "    def log(self, entry): pass",
      "    def helper(self): pass",
      "def response(flow): pass",
      "def clientconnect(layer): pass",
      "addons = [A()]",
      "",
    ].join("\n");
    expect(hooks(src)).toEqual(["response", "clientconnect", "A.request", "A.log"]);
  });

  it("a helper def log(msg) that the script calls is not a hook", () => {
    const src = "from mitmproxy import http\ndef log(msg):\n    print(msg)\ndef request(flow):\n    log(flow.request.url)\n";
    expect(hooks(src)).toEqual(["request"]);
    expect(hooks("from mitmproxy import ctx\ndef log(entry):\n    print(entry.msg)\n")).toEqual([]);
  });

  it("a method called through self is a helper; a class without hook evidence is not an addon", () => {
    const src = [
      "from mitmproxy import http",
      "class A:",
      "    def log(self, m): print(m)",
      "    def request(self, flow): self.log(flow)",
      "    def response(self, flow): pass",
      "class Plain:",
      "    def log(self, m): pass",
      "",
    ].join("\n");
    expect(hooks(src)).toEqual(["A.request", "A.response"]);
  });

  it("is not an addon file without evidence", () => {
    expect(fileOf("def request(flow):\n    pass\n").addons.isAddonFile).toBe(false);
    expect(fileOf("def clientconnect(layer):\n    pass\n").addons.isAddonFile).toBe(true);
    expect(fileOf("class A: pass\naddons = [A()]\n").addons.isAddonFile).toBe(true);
  });
});

describe("versions", () => {
  const labels = (from: string, to?: string) => {
    const r = parseRange(registry, from, to);
    return plan(registry, r.from, r.to).map((s) => s.label);
  };

  it("plans the steps with from < step ≤ to", () => {
    expect(labels("6")).toEqual(["7", "8", "9", "9.1", "11", "12"]);
    expect(labels("6", "7")).toEqual(["7"]);
    expect(labels("6.0.2", "8")).toEqual(["7", "8"]);
    expect(labels("9", "10")).toEqual(["9.1"]);
    expect(labels("9", "9.1")).toEqual(["9.1"]);
    expect(labels("10", "12")).toEqual(["11", "12"]);
    expect(labels("10.4.2", "12.2.3")).toEqual(["11", "12"]);
    expect(labels("8.1.1", "9.0.1")).toEqual(["9"]);
  });

  it("rejects unknown versions and from ≥ to with the list of valid values", () => {
    expect(() => parseRange(registry, "5")).toThrow(UsageError);
    expect(() => parseRange(registry, "9.2")).toThrow(/valid versions: 6, 7, 8, 9, 9\.1, 10, 11, 12, 6\.0\.0/);
    expect(() => parseRange(registry, "12", "7")).toThrow(/not older/);
    expect(() => parseRange(registry, "9.1", "10")).toThrow(/not older/);
    expect(parseVersion(registry, "v6.0.2")?.key).toEqual([6, 0, 2]);
  });
});

describe("pipeline", () => {
  const pipeline = (src: string, transforms: Transform[], unsafeFixes = false) =>
    runPipeline("t.py", src, parse(src), [{ label: "x", release: "7.0.0", transforms } as Step], {
      selected: () => true,
      unsafeFixes,
      knowledge: registry.knowledge,
    });
  const t = (id: string, run: Transform["run"], safety: Transform["safety"] = "safe") =>
    defineTransform({ id: `v7/${id}`, catalog: [], title: id, description: id, safety, run });

  it("never emits a result that does not parse; names the transform", () => {
    const r = pipeline("from mitmproxy import http\nx = 1\n", [t("breaks", (f) => void f.replace(f.nodes("integer")[0], "("))]);
    expect(r.error?.transform).toBe("v7/breaks");
    expect(r.output).toBe("from mitmproxy import http\nx = 1\n");
  });

  it("reports a transform that never reaches a fixed point", () => {
    const r = pipeline("from mitmproxy import http\nx = 1\n", [t("grows", (f) => void f.insert(f.text.length, "#\n"))]);
    expect(r.error?.message).toMatch(/no fixed point/);
    expect(r.changed).toBe(false);
  });

  it("turns an exception into an internal error naming the transform", () => {
    const r = pipeline("from mitmproxy import http\n", [t("throws", () => { throw new Error("boom"); })]);
    expect(r.error).toEqual({ transform: "v7/throws", message: "boom" });
  });

  it("holds back unsafe fixes unless asked, and counts them", () => {
    const once = (f: SourceFile) => {
      const n = f.nodes("integer")[0];
      if (n?.text === "1") f.replace(n, "2");
    };
    const src = "from mitmproxy import http\nx = 1\n";
    const held = pipeline(src, [t("unsafe", once, "unsafe")]);
    expect(held.changed).toBe(false);
    expect(held.heldBack).toBe(1);
    expect(pipeline(src, [t("unsafe", once, "unsafe")], true).output).toBe("from mitmproxy import http\nx = 2\n");
  });

  it("runs deferred edits in a later pass", () => {
    const a = t("a", (f) => {
      const n = f.nodes("integer")[0];
      if (n?.text === "1") f.replace(n, "2");
    });
    const b = t("b", (f) => {
      const n = f.nodes("expression_statement")[0];
      if (n && !n.text.startsWith("y")) f.replace(n, "y" + n.text.slice(1));
    });
    expect(pipeline("x = 1\naddons = []\n", [a, b]).output).toBe("y = 2\naddons = []\n");
  });

  it("drops a later step's finding that restates one an earlier step reported at the same place", () => {
    const src = "from mitmproxy import ctx\nctx.log(1, lvl)\n";
    const step = (label: string, transforms: Transform[]) => ({ label, release: "7.0.0", transforms }) as Step;
    const early = t("early", (f) => f.report(f.nodes("call")[0], "L9-01", "old words"));
    const late = t("late", (f) => f.report(f.nodes("call")[0], "DEP12-09", "new words", { restates: ["L9-01"] }));
    const run = (steps: Step[]) =>
      runPipeline("t.py", src, parse(src), steps, { selected: () => true, unsafeFixes: false, knowledge: registry.knowledge });
    expect(run([step("9", [early]), step("12", [late])]).findings.map((f) => f.id)).toEqual(["L9-01"]);
    expect(run([step("12", [late])]).findings.map((f) => f.id)).toEqual(["DEP12-09"]);
  });

  it("returns the tree of its output, also when the edits of two steps give back the input text", () => {
    const src = "x = 1\naddons = []\n";
    const step = (label: string, from: string, to: string) =>
      ({ label, release: "7.0.0", transforms: [t(`swap-${label}`, (f) => {
        const n = f.nodes("integer")[0];
        if (n?.text === from) f.replace(n, to);
      })] }) as Step;
    const r = runPipeline("t.py", src, parse(src), [step("7", "1", "2"), step("8", "2", "1")], {
      selected: () => true,
      unsafeFixes: false,
      knowledge: registry.knowledge,
    });
    expect(r.output).toBe(src);
    expect(r.tree.text).toBe(src);
    expect(r.tree.rootNode.toString()).toBe(parse(src).rootNode.toString());
    expect(r.tree.rootNode.descendantsOfType("integer").map((n) => n.text)).toEqual(["1"]);
  });

  it("leaves files without addon evidence alone", () => {
    const r = pipeline("x = 1\n", [t("any", (f) => void f.replace(f.nodes("integer")[0], "2"))]);
    expect(r.changed).toBe(false);
  });
});

describe("encoding", () => {
  it("keeps a BOM and decodes a latin-1 cookie byte for byte", () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("x = 'é'\n")]);
    const d = decodeSource(bom);
    expect(d.text).toBe("x = 'é'\n");
    expect(encodeSource(d.text, d.encoding).equals(bom)).toBe(true);
    const latin = Buffer.from("# -*- coding: latin-1 -*-\nx = '\xe9\xff'\n", "latin1");
    const l = decodeSource(latin);
    expect(encodeSource(l.text, l.encoding).equals(latin)).toBe(true);
  });

  it("rejects invalid UTF-8, NUL bytes and unknown cookies", () => {
    expect(() => decodeSource(Buffer.from([0x78, 0x3d, 0xff, 0x0a]))).toThrow(DecodeError);
    expect(() => decodeSource(Buffer.from("x = 1\0\n"))).toThrow(/NUL/);
    expect(() => decodeSource(Buffer.from("# coding: klingon\nx = 1\n"))).toThrow(/unknown encoding cookie 'klingon'/);
  });
});

describe("applyMoves skip / ImportPlan", () => {
  it("leaves skipped uses unedited and does not retarget their import", () => {
    const f = fileOf("from mitmproxy import contentviews\nclass V:\n    x = contentviews.format_text\ny = contentviews.format_text\n");
    f.transform = "v12/t";
    applyMoves(f, [{ from: "mitmproxy.contentviews.format_text", to: "mitmproxy.contentviews.base.format_text" }], {
      skip: (n) => n.startIndex < f.text.indexOf("y ="),
    });
    expect(applied(f)).toBe("from mitmproxy import contentviews\nclass V:\n    x = contentviews.format_text\ny = contentviews.base.format_text\n");
  });

  it("adds planned names and drops imports the transform's edits left unused, in one edit per statement", () => {
    const f = fileOf("from mitmproxy.contentviews import View, format_text\nclass V(View):\n    pass\n");
    f.transform = "v12/t";
    const plan = new ImportPlan(f, "mitmproxy.contentviews");
    const base = f.nodes("class_definition")[0].childForFieldName("superclasses")!.namedChildren[0];
    const expr = plan.expression("mitmproxy.contentviews.Contentview", base)!;
    f.replace(base, expr);
    plan.commit();
    expect(applied(f)).toBe("from mitmproxy.contentviews import format_text, Contentview\nclass V(Contentview):\n    pass\n");
  });
});

describe("WordSearch (the per-transform text pre-filter)", () => {
  it("finds every word, including words that overlap or contain each other, as includes() would", async () => {
    const { WordSearch } = await import("../src/pipeline.js");
    const words = ["ctx", "ctx.log", "log.info", "abc", "bcd", "a+b", "(x)", "server_conn", "conn"];
    const search = new WordSearch(words);
    const texts = ["ctx.log.info(x)", "abcd", "y = a+b", "f(x) if server_conn else 0", "nothing here", "", "connconn"];
    for (const text of texts) {
      for (const w of words) expect(search.mayMatch(text, [w]), `${w} in ${JSON.stringify(text)}`).toBe(text.includes(w));
    }
  });

  it("mayMatch (the file pre-filter) answers as includes() of any word, in one search", async () => {
    const { mayMatch } = await import("../src/pipeline.js");
    const lists = [["ctx", "ctx.log", "a+b", "(x)"], ["server_conn", "conn", "$^"], ["nothing"], [""], ["[y]", "x\\d"]];
    const texts = ["ctx.log.info(x)", "abcd", "y = a+b", "f(x) if server_conn else 0", "nothing here", "", "[y] or x\\d", "$^"];
    for (const words of lists) {
      for (const text of texts) expect(mayMatch(text, words), `${words} in ${JSON.stringify(text)}`).toBe(words.some((w) => text.includes(w)));
    }
    expect(mayMatch("import ssl", ["nope", /\bssl\b/])).toBe(true);
    expect(mayMatch("import sslx", ["nope", /\bssl\b/])).toBe(false);
    expect(mayMatch("anything", null)).toBe(true);
  });

  it("searches a changed text again only around its changes, with the answers of a whole search", async () => {
    const { WordSearch } = await import("../src/pipeline.js");
    const { snapshotCases } = await import("./snapshot-cases.js");
    const { prng, randomChanges, allTransforms } = await import("./helpers.js");
    const words = [...new Set(allTransforms().flatMap((t) => (t.needs ?? []).filter((w): w is string => typeof w === "string")))];
    const snippets = ["", "x", "ctx", "ctx.log", ".log", "clientconnect", "connect", "server_conn", "\n", "flow.messages", "websocket"];
    const rnd = prng(4242);
    let compared = 0;
    for (const c of snapshotCases().slice(0, 120)) {
      const incremental = new WordSearch(words);
      let text = c.input;
      incremental.mayMatch(text, []);
      for (let pass = 0; pass < 3; pass++) {
        const { changes, text: next } = randomChanges(text, rnd, 1 + Math.floor(rnd() * 6), snippets, 16);
        incremental.update(text, changes, next);
        const whole = new WordSearch(words);
        for (const w of words) expect(incremental.mayMatch(next, [w]), `${w} after pass ${pass} of ${c.name}`).toBe(whole.mayMatch(next, [w]));
        compared++;
        text = next;
      }
    }
    expect(compared).toBe(360);
  });

  it("tries word patterns (RegExps) on the text", async () => {
    const { WordSearch } = await import("../src/pipeline.js");
    const search = new WordSearch(["flow"]);
    expect(search.mayMatch("import ssl", [/\bssl\b/])).toBe(true);
    expect(search.mayMatch("import sslx", [/\bssl\b/])).toBe(false);
    expect(search.mayMatch("flow.request", ["nope", /\bflow\b/])).toBe(true);
  });
});
