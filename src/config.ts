// [tool.mitm-codemod] in the nearest pyproject.toml that has it. Command-line flags win.
import fs from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import { UsageError } from "./versions.js";

export interface FileConfig {
  from?: string;
  to?: string;
  exclude?: string[];
  only?: string[];
  skip?: string[];
  "unsafe-fixes"?: boolean;
  format?: string;
}

const KEYS = ["from", "to", "exclude", "only", "skip", "unsafe-fixes", "format"] as const;

export interface LoadedConfig {
  path: string;
  config: FileConfig;
}

/** Walks up from `dir` to the first pyproject.toml with a [tool.mitm-codemod] table. */
export function findConfig(dir: string): LoadedConfig | null {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const file = path.join(d, "pyproject.toml");
    if (fs.existsSync(file)) {
      const loaded = readConfig(file);
      if (loaded) return loaded;
    }
    if (path.dirname(d) === d) return null;
  }
}

export function readConfig(file: string): LoadedConfig | null {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (e) {
    throw new UsageError(`${file}: not valid TOML: ${(e as Error).message.split("\n")[0]}`);
  }
  const tool = doc.tool as Record<string, unknown> | undefined;
  const table = tool?.["mitm-codemod"];
  if (table === undefined) return null;
  if (typeof table !== "object" || table === null || Array.isArray(table)) {
    throw new UsageError(`${file}: [tool.mitm-codemod] must be a table`);
  }
  const config: FileConfig = {};
  for (const [key, value] of Object.entries(table)) {
    const where = `${file}: [tool.mitm-codemod] ${key}`;
    switch (key as (typeof KEYS)[number]) {
      case "from":
      case "to":
        if (typeof value !== "string" && typeof value !== "number") throw new UsageError(`${where} must be a version such as "6" or "6.0.2"`);
        config[key as "from" | "to"] = String(value);
        break;
      case "exclude":
      case "only":
      case "skip":
        if (typeof value === "string") config[key as "exclude"] = [value];
        else if (Array.isArray(value) && value.every((v) => typeof v === "string")) config[key as "exclude"] = value as string[];
        else throw new UsageError(`${where} must be a string or a list of strings`);
        break;
      case "unsafe-fixes":
        if (typeof value !== "boolean") throw new UsageError(`${where} must be true or false`);
        config["unsafe-fixes"] = value;
        break;
      case "format":
        if (value !== "text" && value !== "json" && value !== "sarif") throw new UsageError(`${where} must be "text", "json" or "sarif"`);
        config.format = value;
        break;
      default:
        throw new UsageError(`${file}: unknown key '${key}' in [tool.mitm-codemod]; known keys: ${KEYS.join(", ")}`);
    }
  }
  return { path: file, config };
}
