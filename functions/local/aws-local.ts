/**
 * Local engines accept any credentials, but the AWS SDK still signs every request, so its clients
 * get a region and credentials here, explicitly: never through process.env, which the developer's
 * own code (and the tests) share with the sandbox.
 */
export const LOCAL_REGION = 'ap-northeast-2';
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Client configuration for an SDK client talking to a local engine. */
export const localClientConfig = (endpoint: string) => ({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
