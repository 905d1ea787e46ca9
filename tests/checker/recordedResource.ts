// Recorded resources for the tests that feed the analysis without running a program.
import { bareResource } from "../../checker/record/recorder";
import type { RecordedResource } from "../../checker/types";

/**
 * A resource as the recorder writes one that declared nothing: a custom resource with no parent,
 * provider, properties or dependencies and the default options. Its type and name are read from the
 * URN (`urn:pulumi:<stack>::<project>::<type>::<name>`); `fields` replace any part of it.
 */
export function recordedResource(urn: string, fields: Partial<RecordedResource> = {}): RecordedResource {
  const [, , type = "", name = ""] = urn.slice("urn:pulumi:".length).split("::");
  return bareResource({ urn, type, name, custom: true, ...fields });
}
