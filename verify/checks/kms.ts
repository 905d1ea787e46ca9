import { GetKeyRotationStatusCommand } from "@aws-sdk/client-kms";
import { type Check, fail, pass } from "../types";
import { callCheck } from "./check";

const rotation = callCheck({
  id: "kms.rotation",
  title: "KMS key rotation is enabled",
  operation: "kms:GetKeyRotationStatus",
  send: ({ outputs, clients }) => clients.kms.send(new GetKeyRotationStatusCommand({ KeyId: outputs.kmsKeyArn })),
  judge: (res, outputs) =>
    res.KeyRotationEnabled === true
      ? pass(`rotation enabled on ${outputs.kmsKeyAlias}`)
      : fail(`rotation is off on ${outputs.kmsKeyAlias}; set enableKeyRotation on the key`),
});

export const kmsChecks: readonly Check[] = [rotation];
