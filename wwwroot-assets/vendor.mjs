// Copies the browser bundles we serve from node_modules into vendor/, which is committed: the app never needs npm to run.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";

const files = [
  ["node_modules/apexcharts/dist/apexcharts.min.js", "vendor/apexcharts/apexcharts.min.js"],
  ["node_modules/apexcharts/LICENSE.md", "vendor/apexcharts/LICENSE.md"],
];

mkdirSync("vendor/apexcharts", { recursive: true });
for (const [from, to] of files) {
  copyFileSync(from, to);
}

const version = JSON.parse(readFileSync("node_modules/apexcharts/package.json", "utf8")).version;
console.log(`vendored apexcharts ${version}`);
