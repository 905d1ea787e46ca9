/** The stack a resource belongs to: the first segment of its URN (`urn:pulumi:<stack>::<project>::...`). */
export function stackOf(urn: string): string {
  return urn.split("::")[0].split(":").slice(2).join(":");
}
