/**
 * Errors the local endpoint answers with. The SDK resolves its exception class from
 * the `x-amzn-errortype` header, so `type` must be the exact AWS shape name.
 */
export type SchedulerErrorType =
  | 'ValidationException'
  | 'ConflictException'
  | 'ResourceNotFoundException'
  | 'InternalServerException'
  | 'UnknownOperationException';

export class SchedulerApiError extends Error {
  override readonly name = 'SchedulerApiError';

  constructor(
    readonly status: 400 | 404 | 409 | 500,
    readonly type: SchedulerErrorType,
    message: string,
  ) {
    super(message);
  }
}

export const validationError = (message: string) =>
  new SchedulerApiError(400, 'ValidationException', message);

export const conflictError = (message: string) =>
  new SchedulerApiError(409, 'ConflictException', message);

export const notFoundError = (message: string) =>
  new SchedulerApiError(404, 'ResourceNotFoundException', message);
