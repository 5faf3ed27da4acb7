// Writes docs/transforms.md from the registry and the snapshot pairs (npm run docs).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { transformsDoc } from "../dist/src/docs.js";
import { registry } from "../dist/transforms/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
fs.writeFileSync(path.join(root, "docs/transforms.md"), transformsDoc(registry, path.join(root, "snapshots")));
console.log("wrote docs/transforms.md");
