// TypeScript -> JavaScript for the executed TS programs (Node 20 cannot run TypeScript):
// ts.transpileModule (types erased, ES modules kept), syntax errors reported, exit 1 on any.
// Usage: node transpile.mjs PROGRAM.ts OUT.mjs
import { readFileSync, writeFileSync } from "node:fs";
import ts from "typescript";

const [input, output] = process.argv.slice(2);
const result = ts.transpileModule(readFileSync(input, "utf8"), {
  fileName: input,
  reportDiagnostics: true,
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
});
const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
for (const d of errors) {
  const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
  const at = where ? `${input}:${where.line + 1}:${where.character + 1}: ` : `${input}: `;
  console.error(at + ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
if (errors.length) process.exit(1);
writeFileSync(output, result.outputText);
