/**
 * Part of /sdk.js (spliced into its closure by sdk-script.ts): PortOne's error shape and the
 * answer of every browser SDK function the sandbox does not offer yet. Plain ES2017 in a string.
 *
 * PortOne's SDK marks its errors with `__portOneErrorType` (`isPaymentError(e)` and friends test
 * only that field, and `instanceof` goes through them), so plain Errors carrying the same fields
 * pass every check of the npm package `@portone/browser-sdk`.
 *
 * A function that is missing rejects, never throws a TypeError: with the error type PortOne's SDK
 * uses for that function (browser-sdk.yml) and the gRPC code `Unimplemented` (PortOne's 501), so a
 * shop's `catch` sees an answer it already handles. `PortOne.sandbox.unimplemented` lists them.
 */
export const SDK_ERRORS_JS = String.raw`
  function portOneError(errorType, transactionType, code, message, fields) {
    var error = new Error(message);
    error.name = errorType;
    error.__portOneErrorType = errorType;
    if (transactionType) error.transactionType = transactionType;
    error.code = code;
    for (var key in fields || {}) if (fields[key] !== undefined) error[key] = fields[key];
    return error;
  }

  // Which error each function of PortOne's SDK rejects with (browser-sdk.yml: methods, exception).
  var ERROR_OF_FUNCTION = {
    requestPayment: ['PaymentError', 'PAYMENT'],
    requestIdentityVerification: ['IdentityVerificationError', 'IDENTITY_VERIFICATION'],
    requestIssueBillingKey: ['IssueBillingKeyError', 'ISSUE_BILLING_KEY'],
    requestIssueBillingKeyAndPay: ['IssueBillingKeyAndPayError', 'ISSUE_BILLING_KEY_AND_PAY'],
    loadPaymentUI: ['LoadPaymentUIError', 'PAYMENT'],
    updateLoadPaymentUIRequest: ['LoadPaymentUIError', 'PAYMENT'],
    loadIssueBillingKeyUI: ['LoadIssueBillingKeyUIError', 'ISSUE_BILLING_KEY'],
    updateLoadIssueBillingKeyUIRequest: ['LoadIssueBillingKeyUIError', 'ISSUE_BILLING_KEY']
  };

  function unimplemented(name) {
    return function () {
      var kind = ERROR_OF_FUNCTION[name];
      return Promise.reject(portOneError(kind[0], kind[1], 'Unimplemented',
        'pg-sandbox는 아직 PortOne.' + name + '을(를) 지원하지 않습니다. (pg-sandbox does not implement PortOne.' + name + ' yet; see the coverage table in docs/api.md)'));
    };
  }

  /** Gives api every function of PortOne's SDK: the ones it lacks reject as unimplemented. */
  function withEveryFunction(api) {
    var missing = [];
    for (var name in ERROR_OF_FUNCTION) {
      if (typeof api[name] === 'function') continue;
      api[name] = unimplemented(name);
      missing.push(name);
    }
    api.sandbox.unimplemented = missing;
    return api;
  }
`;
