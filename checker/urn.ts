// URN layout: urn:pulumi:<stack>::<project>::<parent types $-joined>$<type>::<name>; the name may itself
// contain "::", so everything after the third separator is the name.

export interface ParsedUrn {
  stack: string;
  project: string;
  type: string;
  name: string;
}

export function parseUrn(urn: string): ParsedUrn | undefined {
  if (!urn.startsWith("urn:pulumi:")) {
    return undefined;
  }
  const parts = urn.slice("urn:pulumi:".length).split("::");
  if (parts.length < 4) {
    return undefined;
  }
  const [stack, project, qualifiedType, ...nameParts] = parts;
  const type = qualifiedType.split("$").pop() ?? qualifiedType;
  return { stack, project, type, name: nameParts.join("::") };
}

export function makeUrn(stack: string, project: string, type: string, name: string, parentUrn = ""): string {
  let qualified = type;
  const parent = parentUrn ? parentUrn.slice("urn:pulumi:".length).split("::")[2] : undefined;
  if (parent && !parent.endsWith("pulumi:pulumi:Stack")) {
    qualified = `${parent}$${type}`;
  }
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

export function rootStackUrn(stack: string, project: string): string {
  return makeUrn(stack, project, "pulumi:pulumi:Stack", `${project}-${stack}`);
}
