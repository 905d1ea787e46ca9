/**
 * The SDK's own unknown-checking proxy, for unit tests of the readers and parsers: it is what wraps
 * `props` in the engine path. The SDK exports it at runtime while its typings hide it.
 */
import * as sdk from "@pulumi/policy";
import { unknown } from "../harness";

const { unknownCheckingProxy } = sdk as unknown as { unknownCheckingProxy: (value: unknown) => unknown };

/** Wraps plain data as the SDK does; the string `unknown` sentinel marks unknown values. */
export function asProps(value: unknown): unknown {
  return unknownCheckingProxy(value);
}

export { unknown };
