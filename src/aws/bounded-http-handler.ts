/**
 * The request handler of every SDK client ses-guard creates: Node's HTTP handler from the SDK,
 * with each attempt bounded as a whole. --timeout covers connecting, the headers and the whole
 * body (the SDK's own timeouts stop at the headers and then only bound silence), the body is
 * read up to a size no AWS answer comes near, and an HTML page (a proxy or captive portal) is
 * refused as such rather than handed to a JSON or XML parser.
 */
import type { Readable } from "node:stream";
import { NodeHttpHandler, type NodeHttpHandlerOptions } from "@smithy/node-http-handler";
import { MAX_INPUT_BYTES } from "../account/file.js";
import { boundBody } from "./bounded-body.js";
import {
  bodyTimeoutError,
  HtmlResponseError,
  NotAnObjectError,
  ResponseTooLargeError,
} from "./transport-errors.js";

type HandleArguments = Parameters<NodeHttpHandler["handle"]>;
type HandleResult = Awaited<ReturnType<NodeHttpHandler["handle"]>>;

/** The bounds of one attempt. */
export interface AttemptBounds {
  /** The longest one attempt may take, body included. */
  timeoutMs: number;
  /** The largest body read (default: the bound on input files, 4 MiB). */
  maxBodyBytes?: number;
  /** Successful answers are JSON objects (SES): anything else is refused by name. */
  expectJsonObject?: boolean;
}

/**
 * The NodeHttpHandler deadlines for one `--timeout`: to connect, to see the headers (the SDK
 * throws at either), and the longest silence once a body streams. Clients that need no body
 * bound (STS, Organizations, the Put* calls) take these as their requestHandler.
 */
export function nodeHandlerOptions(timeoutMs: number) {
  return {
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    throwOnRequestTimeout: true,
  };
}

/** A NodeHttpHandler whose every attempt is bounded in time and size, body included. */
export class BoundedHttpHandler {
  readonly metadata: NodeHttpHandler["metadata"];
  private readonly inner: NodeHttpHandler;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly expectJsonObject: boolean;

  constructor(bounds: AttemptBounds) {
    this.timeoutMs = bounds.timeoutMs;
    this.maxBodyBytes = bounds.maxBodyBytes ?? MAX_INPUT_BYTES;
    this.expectJsonObject = bounds.expectJsonObject === true;
    // --timeout to connect and to see the headers (the SDK throws at either), and as the longest
    // silence once the body streams; the body as a whole is bounded below.
    this.inner = new NodeHttpHandler(nodeHandlerOptions(bounds.timeoutMs));
    this.metadata = this.inner.metadata;
  }

  /** Sends one attempt; its body is wrapped so that it fails rather than exceeds a bound. */
  async handle(...[request, options]: HandleArguments): Promise<HandleResult> {
    const startedAt = Date.now();
    const result = await this.inner.handle(request, options);
    const { response } = result;
    const host = request.hostname + (request.port ? `:${request.port}` : "");
    const body = response.body as Readable;
    const declared = Number(headerOf(response.headers, "content-length"));
    // A declared size over the bound is refused before a byte of the body is read.
    if (Number.isFinite(declared) && declared > this.maxBodyBytes) {
      body.destroy?.();
      throw new ResponseTooLargeError(host, this.maxBodyBytes);
    }
    // A 5xx page is the server's own error (a load balancer's "502 Bad Gateway"): it stays a
    // server error, which the SDK retries.
    const serverError = response.statusCode >= 500;
    if (!serverError && /^\s*text\/html\b/i.test(headerOf(response.headers, "content-type") ?? "")) {
      body.destroy?.();
      throw new HtmlResponseError(host, response.statusCode);
    }
    response.body = boundBody(body, {
      maxBytes: this.maxBodyBytes,
      remainingMs: this.timeoutMs - (Date.now() - startedAt),
      tooLarge: () => new ResponseTooLargeError(host, this.maxBodyBytes),
      timedOut: () => bodyTimeoutError(this.timeoutMs),
      html: serverError ? undefined : () => new HtmlResponseError(host, response.statusCode),
      notAnObject:
        this.expectJsonObject && response.statusCode >= 200 && response.statusCode < 300
          ? (what) => new NotAnObjectError(host, response.statusCode, what)
          : undefined,
    });
    return result;
  }

  /** Passes configuration the SDK sets later (its logger, a default socket timeout) to the handler. */
  updateHttpClientConfig(key: keyof NodeHttpHandlerOptions, value: NodeHttpHandlerOptions[typeof key]): void {
    this.inner.updateHttpClientConfig(key, value);
  }

  /** The configuration in force. */
  httpHandlerConfigs(): NodeHttpHandlerOptions {
    return this.inner.httpHandlerConfigs();
  }

  /** Closes the connections of the handler's agent. */
  destroy(): void {
    this.inner.destroy();
  }
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}
