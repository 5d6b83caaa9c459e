/**
 * Part of /sdk.js (spliced into its closure by sdk-script.ts): `PortOne.requestIdentityVerification`
 * (본인인증). It opens the sandbox's identity window like requestPayment opens the payment window
 * and resolves with PortOne's `IdentityVerificationResponse`; errors before the window opens
 * reject with an `IdentityVerificationError` (`isIdentityVerificationError` in the npm package).
 */
export const SDK_IDENTITY_VERIFICATION_JS = String.raw`
  function IdentityVerificationError(code, message, identityVerificationId, identityVerificationTxId) {
    return portOneError('IdentityVerificationError', 'IDENTITY_VERIFICATION', code, message,
      { identityVerificationId: identityVerificationId, identityVerificationTxId: identityVerificationTxId });
  }

  function requestIdentityVerification(request) {
    if (!request || typeof request !== 'object') {
      return Promise.reject(IdentityVerificationError('BadRequest', 'requestIdentityVerification: the request must be an object'));
    }
    return openWindow('/checkout/identity-verification/sessions', request, function (code, message, session) {
      return IdentityVerificationError(code, message, request.identityVerificationId, session && session.identityVerificationTxId);
    }, function (session) {
      return { transactionType: 'IDENTITY_VERIFICATION', identityVerificationId: session.identityVerificationId,
        identityVerificationTxId: session.identityVerificationTxId, code: 'FAILURE_TYPE_PG', message: '사용자가 본인인증을 취소하였습니다' };
    });
  }
`;
