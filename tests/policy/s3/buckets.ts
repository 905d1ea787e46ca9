/** Stacks of buckets and companions for the S3 stack-policy tests. */
import { TestResource } from "../harness";

export { stackFindings } from "../policy-under-test";

export const BUCKET = "aws:s3/bucket:Bucket";

export function bucket(name: string, props: Record<string, unknown> = { bucket: `${name}-1a2b3c` }): TestResource {
  return { type: BUCKET, name, props };
}

/** A companion linked to its bucket the way a preview links it: `bucket` unknown, a property dependency. */
export function companionOf(type: string, name: string, parent: TestResource, props: Record<string, unknown>): TestResource {
  return {
    type,
    name,
    props: { bucket: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", ...props },
    propertyDependencies: { bucket: [`${parent.type}::${parent.name}`] },
  };
}
