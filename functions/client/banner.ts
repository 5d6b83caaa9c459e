/**
 * What `pg-sandbox --json` prints once it serves (one line): everything a script or
 * `startSandbox()` needs to talk to the sandbox and to stop it. Written by functions/local/banner.ts.
 */
export interface JsonBanner {
  url: string;
  consoleUrl: string;
  storeId: string;
  apiSecret: string;
  channels: { pgProvider: string; channelKey: string; name: string; pgMerchantId: string }[];
  /** null when --in-memory. */
  dataDir: string | null;
  /** The sandbox's node process. */
  pid: number;
  /** DynamoDB Local's java process. */
  javaPid: number;
  /**
   * Where DynamoDB Local serves the sandbox's table: to look at the raw items with any DynamoDB
   * client (`aws dynamodb scan --table-name <tableName> --endpoint-url <endpoint>`, any region and
   * credentials).
   */
  dynamodb: { endpoint: string; tableName: string };
  /** Milliseconds from the process's start to ready. */
  readyMs: number;
}
