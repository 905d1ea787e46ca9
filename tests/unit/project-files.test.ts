// Pulumi.yaml and the stack files agree with what the program reads (known failures 3 and 12).
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { parseConfig } from "../../stack/config";
import { PROJECT, stackFileConfig } from "./harness";

interface DeclaredKey {
  type?: string;
  description?: string;
  default?: unknown;
  value?: unknown;
}
const project = yaml.load(fs.readFileSync(path.resolve(__dirname, "../../Pulumi.yaml"), "utf8")) as {
  name: string;
  runtime: string;
  main: string;
  config: Record<string, DeclaredKey>;
};
const projectKeys = Object.keys(project.config).filter((k) => !k.includes(":"));

// The keys without a default, with values valid in the default region.
const REQUIRED = { githubRepo: "a/b", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/c" };

// The keys parseConfig asks for, with the values a reader hands it.
function keysRead(values: Record<string, string>): { keys: string[]; config: ReturnType<typeof parseConfig> } {
  const keys: string[] = [];
  const config = parseConfig({
    project: PROJECT,
    stack: "dev",
    region: undefined,
    read: (key) => {
      keys.push(key);
      return values[key];
    },
  });
  return { keys, config };
}

test("the project names stack/index.ts as its entry point", () => {
  expect(project).toMatchObject({ name: PROJECT, runtime: "nodejs", main: "stack/index.ts" });
  expect(fs.existsSync(path.resolve(__dirname, "../..", project.main))).toBe(true);
});

test("Pulumi.yaml declares exactly the keys the program reads, each with a type and a description", () => {
  const { keys } = keysRead(REQUIRED);
  expect([...new Set(keys)].sort()).toEqual([...projectKeys].sort());
  for (const key of projectKeys) {
    expect([key, typeof project.config[key].type, typeof project.config[key].description]).toEqual([key, "string", "string"]);
  }
  expect(project.config["aws:region"]).toEqual({ value: "us-east-1" });
});

test("the defaults Pulumi.yaml declares are the ones the program applies; githubRepo and certificateArn alone have none", () => {
  const declaredDefaults = Object.fromEntries(
    projectKeys
      .filter((k) => project.config[k].default !== undefined)
      .map((k) => {
        const d = project.config[k].default;
        return [k, typeof d === "string" ? d : JSON.stringify(d)];
      }),
  );
  expect(projectKeys.filter((k) => project.config[k].default === undefined)).toEqual(Object.keys(REQUIRED));
  expect(keysRead({ ...declaredDefaults, ...REQUIRED }).config).toEqual(keysRead(REQUIRED).config);
});

test.each(["dev", "staging", "prod"])("Pulumi.%s.yaml sets only declared keys, namespaced by the project, and a region", (stack) => {
  const keys = Object.keys(stackFileConfig(stack));
  expect(keys).toContain("aws:region");
  const unknown = keys.filter(
    (k) => k !== "aws:region" && !(k.startsWith(`${PROJECT}:`) && projectKeys.includes(k.slice(PROJECT.length + 1))),
  );
  expect(unknown).toEqual([]);
});
