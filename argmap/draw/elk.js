// ELK's layered algorithm on a graph read as JSON from standard input; the laid-out graph,
// as JSON, on standard output. argmap's `--engine elk` runs it (argmap/draw/elk.py):
// the module elkjs is found through NODE_PATH.
"use strict";
const ELK = require("elkjs/lib/elk.bundled.js");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  new ELK()
    .layout(JSON.parse(input))
    .then((graph) => { process.stdout.write(JSON.stringify(graph)); })
    .catch((err) => { process.stderr.write(String(err && err.stack || err) + "\n"); process.exit(1); });
});
