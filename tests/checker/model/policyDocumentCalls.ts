// Calls of getPolicyDocument through the provider model, shared by its tests: the answer, its outputs,
// and the rendered JSON (checked to agree with its minified form).
import { answerFunction, type FunctionAnswer, type PropertyMap } from "../../../model";

const TOKEN = "aws:iam/getPolicyDocument:getPolicyDocument";

/** The provider model's whole answer to a getPolicyDocument call. */
export function call(args: PropertyMap): FunctionAnswer {
  return answerFunction({ token: TOKEN, args, provider: { region: "eu-west-1" } });
}

/** The outputs of a call the model must answer without failures. */
export function outputs(args: PropertyMap): Record<string, unknown> {
  const answer = call(args);
  expect(answer.failures).toEqual([]);
  expect(answer.answered).toBe(true);
  return answer.outputs as Record<string, unknown>;
}

/** The pretty `json` output; `minified` must be the same document without whitespace. */
export function rendered(args: PropertyMap): string {
  const out = outputs(args);
  expect(JSON.parse(out.minifiedJson as string)).toEqual(JSON.parse(out.json as string));
  expect(out.minifiedJson).not.toMatch(/\n/);
  return out.json as string;
}

/** The first statement of the rendered document. */
export function firstStatement(args: PropertyMap): Record<string, unknown> {
  return (JSON.parse(rendered(args)) as { Statement: Record<string, unknown>[] }).Statement[0];
}
