// N10-02, N10-12, N10-13: option and hook changes of the 10.x releases: onboarding_port was
// removed (10.0), allow_hosts/ignore_hosts match "host:port" (10.2.2), and new options and
// hooks arrived (10.0 – 10.4) whose names an addon may already use.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { methodsOf, nameOf } from "../../src/addons.js";
import { optionUpdateKeywords, optionUses, reportOptionCollisions } from "../shared/options.js";

const HOST_OPTIONS = ["allow_hosts", "ignore_hosts"];
/** Options added in 10.x (from the add_option calls of each tag). */
const NEW_OPTIONS: Record<string, string> = {
  http3: "10.0.0",
  server_replay_reuse: "10.0.0",
  tls_ecdh_curve_client: "10.0.0",
  tls_ecdh_curve_server: "10.0.0",
  hardump: "10.1.0",
  server_replay_extra: "10.1.0",
  strip_ech: "10.3.1",
  dns_name_servers: "10.4.0",
  dns_use_hosts_file: "10.4.0",
  http_connect_send_host_header: "10.4.0",
};
/** Hooks added in 10.3 / 10.4: a method with one of these names starts being called by mitmproxy. */
const NEW_HOOKS: Record<string, string> = {
  server_connect_error: "10.3.0",
  http_connected: "10.4.0",
  http_connect_error: "10.4.0",
};

export default defineTransform({
  id: "v9.1/options-10",
  catalog: ["N10-02", "N10-12", "N10-13"],
  title: "report onboarding_port, allow_hosts/ignore_hosts patterns, and names taken by new 10.x options and hooks",
  safety: "safe",
  description:
    "mitmproxy 10.0 removed the onboarding_port option (the onboarding app answers on onboarding_host): uses are " +
    "reported (N10-02). Since 10.2.2 allow_hosts and ignore_hosts patterns are matched against \"host:port\", so " +
    "patterns anchored with $ after the host stop matching: values the addon sets are reported (N10-12). 10.x " +
    "added options and the hooks server_connect_error, http_connected and http_connect_error: an addon option " +
    "or an addon method with one of these names is reported (N10-13).",
  needs: ["onboarding_port", "allow_hosts", "ignore_hosts", "add_option", ...Object.keys(NEW_HOOKS)],
  run(file) {
    for (const { node, name } of optionUses(file, ["onboarding_port", ...HOST_OPTIONS])) {
      if (name === "onboarding_port") {
        file.report(node, "N10-02", "the onboarding_port option was removed in mitmproxy 10; the onboarding app answers on onboarding_host (mitm.it) through the proxy.");
      } else if (node.parent?.type === "assignment" && node.parent.childForFieldName("left")?.id === node.id) {
        reportHosts(file, node, node.parent.childForFieldName("right")!, name);
      }
    }
    for (const kw of optionUpdateKeywords(file, ["onboarding_port", ...HOST_OPTIONS])) {
      if (kw.name === "onboarding_port") {
        file.report(kw.node, "N10-02", "the onboarding_port option was removed in mitmproxy 10; the onboarding app answers on onboarding_host (mitm.it) through the proxy.");
      } else reportHosts(file, kw.node, kw.value, kw.name);
    }
    reportOptionCollisions(file, "N10-13", "10", NEW_OPTIONS);
    for (const cls of file.nodes("class_definition")) {
      if (!file.addons.isAddonClass(cls)) continue;
      for (const m of methodsOf(cls)) {
        const since = NEW_HOOKS[nameOf(m)];
        if (!since) continue;
        file.report(
          m.childForFieldName("name")!,
          "N10-13",
          `mitmproxy ${since} added a ${nameOf(m)} hook, so mitmproxy now calls this method for every connection too. ` +
            "Rename it if it is not meant as that hook.",
        );
      }
    }
  },
});

function reportHosts(file: SourceFile, node: Node, value: Node, name: string): void {
  // Only patterns anchored after the host (`…$`) stop matching; others match "host:port" as before.
  if (!value.descendantsOfType("string_content").some((s) => s.text.includes("$"))) return;
  file.report(
    node,
    "N10-12",
    `${name} patterns are matched against "host:port" since mitmproxy 10.2.2 (the host alone before); a pattern ending in $ ` +
      "after the host no longer matches. Allow the port, e.g. r\"^example\\.com(:\\d+)?$\".",
  );
}
