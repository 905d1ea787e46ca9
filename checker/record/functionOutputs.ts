// The output names of a function the provider model does not compute, read from the package's SDK
// typings (`@pulumi/aws/ec2/getVpc.d.ts`, `interface GetVpcResult`). With them the program sees each
// output unknown, in the promise form (`(await aws.ec2.getVpc()).id`) as in the output form; a real
// provider plugin would read the same names from its schema.
import * as fs from "fs";
import * as path from "path";

const SEGMENT = /^[A-Za-z0-9_]+$/;

/** `aws:ec2/getVpc:getVpc` -> package `aws`, typings file `ec2/getVpc.d.ts`, interface `GetVpcResult`. */
function locate(token: string): { pkg: string; file: string; result: string } | undefined {
  const [pkg, module, member] = token.split(":");
  const [folder, file] = (module ?? "").split("/");
  if (![pkg, folder, file, member].every((part) => part !== undefined && SEGMENT.test(part))) {
    return undefined;
  }
  return {
    pkg,
    file: path.join(folder === "index" ? "" : folder, `${file}.d.ts`),
    result: `${member.charAt(0).toUpperCase()}${member.slice(1)}Result`,
  };
}

/** The `readonly name` members of `export interface <result> { ... }` in generated typings. */
export function resultMembers(typings: string, result: string): string[] | undefined {
  const start = typings.indexOf(`export interface ${result} {`);
  if (start < 0) {
    return undefined;
  }
  const end = typings.indexOf("\n}", start);
  const body = typings.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(/^ {4}readonly (\w+)\??:/gm)].map((m) => m[1]);
}

/**
 * A lookup of output names by function token, from the typings of the `@pulumi/<package>` that
 * `resolvePackage` finds; undefined when the package or its typings are not there. Cached per token.
 */
export function functionOutputNames(resolvePackage: (request: string) => string): (token: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (token) => {
    if (!cache.has(token)) {
      cache.set(token, lookup(token, resolvePackage));
    }
    return cache.get(token);
  };
}

function lookup(token: string, resolvePackage: (request: string) => string): string[] | undefined {
  const located = locate(token);
  if (!located) {
    return undefined;
  }
  try {
    const packageDir = path.dirname(resolvePackage(`@pulumi/${located.pkg}/package.json`));
    return resultMembers(fs.readFileSync(path.join(packageDir, located.file), "utf8"), located.result);
  } catch {
    return undefined;
  }
}
