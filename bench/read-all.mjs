#!/usr/bin/env node
// Read-only floor: read every *.py file of the corpus (as the tool walks it) into memory, one
// after another, and do nothing with it.   node bench/read-all.mjs DIR
import fs from "node:fs";
import { pythonFiles, usage } from "./files.mjs";

const root = process.argv[2];
if (!root) {
  console.error("usage: node bench/read-all.mjs DIR");
  process.exit(2);
}
const files = pythonFiles(root);
let bytes = 0;
for (const f of files) bytes += fs.readFileSync(f).length;
console.log(JSON.stringify({ files: files.length, bytes, ...usage() }));
