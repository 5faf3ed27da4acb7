// Everything a run needs, loaded by the CLI in one dynamic import (after --version/--help
// have had their chance to answer without it): one module load instead of a dozen in a row.
export { registry } from "../transforms/index.js";
export * as versions from "./versions.js";
export { findConfig } from "./config.js";
export { explain } from "./docs.js";
export { selector, processOptions } from "./options.js";
export { discover } from "./files.js";
export { detectFrom } from "./detect.js";
export { Reporter } from "./report.js";
export { Progress } from "./progress.js";
export { processAll, defaultJobs } from "./runner.js";
export { processSource } from "./process.js";
