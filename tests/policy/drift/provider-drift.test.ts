// Provider drift: a policy that matches a type token or reads an input the installed @pulumi/aws no
// longer has silently stops seeing anything (a provider major renamed tokens under an older public
// pack). Tokens are checked against the provider's resource classes, input paths against its typings.
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import * as resourceTypes from "../../../policies/lib/resource-types";
import { policies } from "../../../policies/pack";
import { DECLARED } from "./declared-inputs";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const AWS = path.join(ROOT, "node_modules", "@pulumi", "aws");
const POLICIES = path.join(ROOT, "policies");
const TOKEN = /^aws:([a-z0-9]+)\/([a-zA-Z0-9]+):([A-Za-z0-9]+)$/;

function files(dir: string, suffix: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full, suffix) : entry.name.endsWith(suffix) ? [full] : [];
  });
}

/** Every resource token the installed provider registers (`static __pulumiType = '...'`). */
function providerTokens(): Set<string> {
  const tokens = new Set<string>();
  for (const file of files(AWS, ".js")) {
    for (const match of fs.readFileSync(file, "utf8").matchAll(/__pulumiType = '(aws:[^']+)'/g)) {
      tokens.add(match[1]);
    }
  }
  return tokens;
}

/** A type token literal (`aws:s3/bucket:Bucket`, `awsx:ecs:FargateService`), not `aws:kms:dsse`. */
const TOKEN_LITERAL = /"((?:(?:aws|random|tls):[a-zA-Z0-9]+\/[a-zA-Z0-9]+|awsx:[a-zA-Z0-9]+(?:\/[a-zA-Z0-9]+)?):[A-Za-z0-9]+)"/g;

/**
 * Tokens the pack matches: resource policies' `resourceTypes`, the `aws` tokens of the tokens
 * module (what stack policies pass to `ofType`, the companions), and the s3 names that `s3Type`
 * turns into tokens.
 */
function packTokens(): Set<string> {
  const tokens = new Set<string>(policies.flatMap((policy) => policy.resourceTypes ?? []));
  for (const value of Object.values(resourceTypes)) {
    if (typeof value === "string" && TOKEN.test(value)) {
      tokens.add(value);
    }
  }
  for (const file of files(POLICIES, ".ts")) {
    const source = fs.readFileSync(file, "utf8");
    for (const match of source.matchAll(/s3Type\("([A-Za-z0-9]+)"\)|bucketRequirement\(\s*\[([^\]]*)\]/g)) {
      const names = match[1] ? [match[1]] : [...match[2].matchAll(/"([A-Za-z0-9]+)"/g)].map((m) => m[1]);
      names.forEach((name) => tokens.add(`aws:s3/${name[0].toLowerCase()}${name.slice(1)}:${name}`));
    }
  }
  return tokens;
}

/** The `<Class>Args` interface of a token, from the provider's typings. */
function argsFile(token: string): { file: string; args: string } {
  const [, module, file, name] = TOKEN.exec(token) ?? [];
  return { file: path.join(AWS, module, `${file}.d.ts`), args: `${name}Args` };
}

/** Walks `segments` through an input type: `Input<T>` unions, arrays and maps are looked through. */
function resolves(checker: ts.TypeChecker, start: ts.Type, segments: readonly string[]): boolean {
  let types = [start];
  for (const segment of segments) {
    const next: ts.Type[] = [];
    for (const type of types.flatMap((t) => (t.isUnion() ? t.types : [t]))) {
      const element = checker.isArrayType(type)
        ? (checker as unknown as { getElementTypeOfArrayType(t: ts.Type): ts.Type }).getElementTypeOfArrayType(type)
        : type;
      for (const candidate of element.isUnion() ? element.types : [element]) {
        const property = candidate.getProperty(segment);
        const declaration = property?.valueDeclaration ?? property?.declarations?.[0];
        if (property && declaration) {
          next.push(checker.getTypeOfSymbolAtLocation(property, declaration));
        } else if (candidate.getStringIndexType()) {
          next.push(candidate.getStringIndexType() as ts.Type);
        }
      }
    }
    // Promise and Output members (`then`, `apply`) never match input names, so only real inputs go on.
    if (next.length === 0) {
      return false;
    }
    types = next;
  }
  return true;
}

jest.setTimeout(120_000);

describe("provider drift against the installed @pulumi/aws", () => {
  const installed = providerTokens();

  it("finds the provider's tokens (the scan itself works)", () => {
    expect(installed.has("aws:s3/bucket:Bucket")).toBe(true);
    expect(installed.size).toBeGreaterThan(1000);
  });

  it("has every type token a policy matches", () => {
    const matched = [...packTokens()];
    expect(matched.length).toBeGreaterThan(20);
    expect(matched.filter((token) => !installed.has(token))).toEqual([]);
  });

  it("spells type tokens only in the tokens module, so the check above sees them all", () => {
    const module = path.join(POLICIES, "lib", "resource-types.ts");
    const elsewhere = files(POLICIES, ".ts")
      .filter((file) => file !== module)
      .flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(TOKEN_LITERAL)].map((m) => `${path.relative(ROOT, file)}: ${m[1]}`));
    expect(elsewhere).toEqual([]);
    expect([...fs.readFileSync(module, "utf8").matchAll(TOKEN_LITERAL)].length).toBeGreaterThan(40);
  });

  it("declares the inputs of every policy in the pack, and only of those", () => {
    expect(Object.keys(DECLARED).sort()).toEqual(policies.map((policy) => policy.name).sort());
  });

  it("declares every literal input path a policy file reads (the list stays honest)", () => {
    const read =
      /\b(?:read\.\w+|need\.\w+|isSet|lookup|hasKey|readStrings|patternValues)\(\s*([^,()]+(?:\([^()]*\))?[^,()]*),\s*"([^"]+)"/g;
    const missing: string[] = [];
    for (const policy of policies) {
      const [service, ...rest] = policy.name.split("-");
      const file = path.join(POLICIES, service, `${rest.join("-")}.ts`);
      const declared = DECLARED[policy.name];
      const known = [...Object.values(declared.inputs).flat(), ...(declared.documents ?? [])];
      for (const match of fs.existsSync(file) ? fs.readFileSync(file, "utf8").matchAll(read) : []) {
        const literal = match[2].replace(/\.\d+(?=\.|$)/g, "");
        // A read relative to a list item or a parent object is a run of a declared path's segments.
        const declaredHere = known.some((p) => `.${p}.`.includes(`.${literal}.`));
        if (!/config/.test(match[1]) && !declaredHere) {
          missing.push(`${policy.name}: ${match[2]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("finds every declared input path in the input type of its resource", () => {
    const declared = Object.entries(DECLARED).flatMap(([policy, { inputs }]) =>
      Object.entries(inputs).flatMap(([token, paths]) => paths.map((p) => ({ policy, token, path: p }))),
    );
    const tokens = [...new Set(declared.map((d) => d.token))];
    expect(tokens.filter((token) => !installed.has(token))).toEqual([]);
    const program = ts.createProgram(
      tokens.map((token) => argsFile(token).file),
      { noResolve: false, skipLibCheck: true, types: [] },
    );
    const checker = program.getTypeChecker();
    const unresolved = declared.filter(({ token, path: p }) => {
      const { file, args } = argsFile(token);
      const source = program.getSourceFile(file);
      const symbol = source && checker.getSymbolAtLocation(source)?.exports?.get(ts.escapeLeadingUnderscores(args));
      return !symbol || !resolves(checker, checker.getDeclaredTypeOfSymbol(symbol), p.split("."));
    });
    expect(unresolved.map((d) => `${d.policy}: ${d.token} ${d.path}`)).toEqual([]);
    // Controls: the walk can fail, and looks through lists and maps.
    const pipelineArgs = program.getSourceFile(argsFile("aws:codepipeline/pipeline:Pipeline").file);
    const symbol = pipelineArgs && checker.getSymbolAtLocation(pipelineArgs)?.exports?.get(ts.escapeLeadingUnderscores("PipelineArgs"));
    const type = checker.getDeclaredTypeOfSymbol(symbol as ts.Symbol);
    expect(resolves(checker, type, ["stages", "actions", "configuration", "AnyKey"])).toBe(true);
    expect(resolves(checker, type, ["stages", "actions", "repositoryName"])).toBe(false);
    expect(resolves(checker, type, ["artifactStore"])).toBe(false);
  });
});
