// The OASIS SARIF 2.1.0 JSON Schema, as @microsoft/jest-sarif ships it, compiled with the kit's ajv.
// The file is draft-04; this ajv reads it once its draft marker and `id` are given the current names
// (the schema uses no keyword whose meaning changed between the drafts, such as exclusiveMinimum).
import Ajv from "ajv";
import * as fs from "fs";

const file = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const schema = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
delete schema.$schema;
schema.$id = schema.id;
delete schema.id;

// One pattern of the schema (the language tag) is valid only without the `u` flag ajv adds by default.
const regExp = Object.assign((source: string, flags: string) => new RegExp(source, flags.replace("u", "")), { code: "RegExp" });
const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true, code: { regExp } }).compile(schema);

/** The schema's complaints about a SARIF log, one string each: empty when it is valid. */
export function sarifProblems(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}
