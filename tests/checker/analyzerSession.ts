// What the AnalyzerSession tests share: the analyzer protocol as the kit's pack loads it, and the
// recorded buckets they analyze.
import * as path from "path";
import { Encoded, loadProtocol } from "../../checker/analyze/client";
import type { RecordedResource } from "../../checker/types";
import { recordedResource } from "./recordedResource";

/** The analyzer protocol (messages and Struct) of the kit's pack. */
export const protocol = loadProtocol(path.join(__dirname, "..", "..", "policies"));
/** The analyzer.proto messages. */
export const pb = protocol.pb;

/** Bucket `b<i>`, its one input `index: i`: a scripted pack reads the index to decide its answer. */
export const resource = (i: number): RecordedResource =>
  recordedResource(`urn:pulumi:dev::p::aws:s3/bucket:Bucket::b${i}`, { inputs: { index: i } });

/** What each call the session may send already serialized carries, to read it back. */
const SENT: Record<string, { deserializeBinary(bytes: Uint8Array): unknown }> = {
  remediate: pb.AnalyzeRequest,
  analyze: pb.AnalyzeRequest,
  analyzeStack: pb.AnalyzeStackRequest,
};

/** The request of a call as the pack reads it: one the session sent serialized ({@link Encoded}) is decoded. */
export function asSent<M>(method: string, req: unknown): M {
  return (req instanceof Encoded ? SENT[method].deserializeBinary(req.bytes) : req) as M;
}
