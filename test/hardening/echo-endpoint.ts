/**
 * A loopback endpoint that answers SES (rest-json) and STS (query protocol, XML) with an error
 * holding everything the request carried: its headers (Authorization with the signature,
 * X-Amz-Security-Token), its form body (a web identity token sent to
 * AssumeRoleWithWebIdentity, URL-decoded as well), and the same values as a presigned query
 * string. The worst an endpoint or proxy can do with credentials it was sent.
 */
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** A running echo endpoint. */
export interface EchoEndpoint {
  url: string;
  /** The host and port, for URLs that carry a user name and password. */
  host: string;
  /** Every request signature it was sent (each one authorises a request). */
  signatures: Set<string>;
  /** Every request it answered. */
  requests: Array<{ path: string; headers: IncomingHttpHeaders; body: string }>;
  close(): Promise<void>;
}

/** Starts the echo endpoint on a free loopback port. */
export async function startEchoEndpoint(): Promise<EchoEndpoint> {
  const signatures = new Set<string>();
  const requests: EchoEndpoint["requests"] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = req.url ?? "/";
      requests.push({ path, headers: req.headers, body });
      const authorization = req.headers.authorization ?? "";
      const signature = /Signature=([0-9a-f]{64})/.exec(authorization)?.[1] ?? "";
      if (signature) signatures.add(signature);
      const credential = /Credential=([^,\s]+)/.exec(authorization)?.[1] ?? "";
      const token = String(req.headers["x-amz-security-token"] ?? "");
      const presigned = `https://email.amazonaws.com/?X-Amz-Credential=${encodeURIComponent(credential)}&X-Amz-Security-Token=${encodeURIComponent(token)}&X-Amz-Signature=${signature}`;
      // What matters first: ses-guard shortens long messages, and a secret must not survive by
      // being cut off the end in one test and kept in another.
      const echoed = `body ${body} decoded ${safeDecode(body)} token ${token} authorization ${authorization} presigned ${presigned} headers ${JSON.stringify(req.headers)}`;
      if (req.method === "POST" && /Action=/.test(body)) {
        res.writeHead(400, { "content-type": "text/xml" });
        res.end(
          `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>${xml(echoed)}</Message></Error><RequestId>echo</RequestId></ErrorResponse>`,
        );
        return;
      }
      res.writeHead(400, { "content-type": "application/json", "x-amzn-ErrorType": "BadRequestException" });
      res.end(JSON.stringify({ message: echoed }));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    signatures,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
