// Files the user names (--state, --policy-pack-config) are read as strict UTF-8: a binary file or a
// wrong encoding is reported as such, instead of as replacement characters inside a JSON error.
import * as fs from "fs";
import { CheckError } from "../errors";

const decoder = new TextDecoder("utf-8", { fatal: true });

export function readUtf8(file: string, flag: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new CheckError(`${flag} ${file}: cannot read the file`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new CheckError(`${flag} ${file}: not UTF-8 text (a binary file or another encoding)`);
  }
}

/** A parser's message without control characters, so the error stays one printable line. */
export function printable(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ");
}
