import { GetConnectionCommand } from "@aws-sdk/client-codestar-connections";
import { type Check, fail, pass } from "../types";
import { callCheck } from "./check";

const connectionStatus = callCheck({
  id: "connections.status",
  title: "GitHub connection is AVAILABLE",
  operation: "codeconnections:GetConnection",
  send: ({ outputs, clients }) => clients.connections.send(new GetConnectionCommand({ ConnectionArn: outputs.connectionArn })),
  judge(res, outputs) {
    const status = res.Connection?.ConnectionStatus;
    switch (status) {
      case "AVAILABLE":
        return pass(`${res.Connection?.ConnectionName} is AVAILABLE`);
      case "PENDING":
        // A connection is created PENDING and only a person can complete the GitHub handshake.
        return fail(
          "connection is PENDING: complete the handshake in the AWS console: Developer Tools > Settings > " +
            `Connections > ${res.Connection?.ConnectionName ?? outputs.connectionArn} > Update pending connection`,
        );
      default:
        return fail(
          `connection status is ${status ?? "unknown"}: open Developer Tools > Settings > Connections in the ` +
            "console, fix or recreate the connection and re-authorize the GitHub app",
        );
    }
  },
});

export const connectionChecks: readonly Check[] = [connectionStatus];
