// N10-05: mitmproxy 10.0 requires Python ≥3.10, which removed the collections ABC aliases and
// the `loop` parameter of asyncio's high-level API.
import { defineTransform } from "../../src/transform.js";
import { argumentsOf } from "../../src/syntax.js";
import { reportRemovedStdlib } from "../shared/python-removals.js";

const ABCS = [
  "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "Hashable", "Iterable", "Iterator",
  "Generator", "Reversible", "Sized", "Container", "Callable", "Collection", "Set", "MutableSet", "Mapping",
  "MutableMapping", "MappingView", "KeysView", "ItemsView", "ValuesView", "Sequence", "MutableSequence", "ByteString",
];

export default defineTransform({
  id: "v9.1/python-310",
  catalog: ["N10-05"],
  title: "report collections.<ABC> aliases and asyncio loop= arguments (removed in Python 3.10)",
  safety: "safe",
  description:
    "mitmproxy 10.0 requires Python ≥3.10, which removed the aliases of the abstract base classes in collections " +
    "(collections.Mapping etc.; they live in collections.abc) and the loop= parameter of asyncio functions such as " +
    "asyncio.sleep, wait_for, gather and Queue. Uses are reported.",
  needs: ["collections", "loop"],
  run(file) {
    const members: Record<string, string> = {};
    for (const abc of ABCS) members[`collections.${abc}`] = `import it from collections.abc`;
    reportRemovedStdlib(file, "N10-05", "3.10", "mitmproxy 10 requires Python ≥3.10, and", { members });
    for (const call of file.nodes("call")) {
      const q = file.imports.resolve(call.childForFieldName("function"));
      if (!q?.startsWith("asyncio.")) continue;
      const loop = argumentsOf(call).keywords.get("loop");
      if (loop) {
        file.report(loop, "N10-05", `mitmproxy 10 requires Python ≥3.10, and Python 3.10 removed the loop parameter of ${q}(); drop it (the running loop is used).`);
      }
    }
  },
});
