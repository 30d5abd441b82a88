// Storage answers in S3's words: the XML error document S3 sends (`<Error><Code>…</Code>
// <Message>…</Message>…</Error>`), the codes and messages of the refusals the sandbox's storage
// makes, and the error a fault rule without a body produces on a storage route. Pure.

export interface S3Error {
  status: number;
  code: string;
  message: string;
  /** Extra elements S3 adds for some codes (e.g. `MaxSizeAllowed` for EntityTooLarge), in order. */
  extra?: ReadonlyArray<readonly [string, string]>;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** The XML body S3 sends with an error status. */
export function s3ErrorXml(error: S3Error, requestId: string): string {
  const extra = (error.extra ?? []).map(([name, value]) => `<${name}>${xmlEscape(value)}</${name}>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${xmlEscape(error.code)}</Code><Message>${xmlEscape(error.message)}</Message>${extra}<RequestId>${xmlEscape(requestId)}</RequestId><HostId>${xmlEscape(Buffer.from(requestId).toString('base64'))}</HostId></Error>`;
}

export const accessDenied = (message = 'Access Denied'): S3Error => ({ status: 403, code: 'AccessDenied', message });
export const policyFailed = (detail: string): S3Error => accessDenied(`Invalid according to Policy: ${detail}`);
export const invalidArgument = (message: string, extra?: S3Error['extra']): S3Error => ({ status: 400, code: 'InvalidArgument', message, ...(extra ? { extra } : {}) });
export const malformedPost = (): S3Error => ({ status: 400, code: 'MalformedPOSTRequest', message: 'The body of your POST request is not well-formed multipart/form-data.' });
export const noSuchKey = (key: string): S3Error => ({ status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.', extra: [['Key', key]] });
export const signatureMismatch = (): S3Error => ({
  status: 403,
  code: 'SignatureDoesNotMatch',
  message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
});

/** S3 refuses a request that authenticates twice (a presigned policy or URL and an Authorization header). */
export const twoAuthMechanisms = (): S3Error =>
  invalidArgument('Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified', [
    ['ArgumentName', 'Authorization'],
  ]);

/** What a fault rule without a body answers on a storage route: S3's code and words for the status. */
export function s3ErrorForStatus(status: number): S3Error {
  const known: Record<number, [string, string]> = {
    400: ['InvalidRequest', 'Invalid Request'],
    403: ['AccessDenied', 'Access Denied'],
    404: ['NoSuchKey', 'The specified key does not exist.'],
    405: ['MethodNotAllowed', 'The specified method is not allowed against this resource.'],
    409: ['OperationAborted', 'A conflicting conditional operation is currently in progress against this resource. Please try again.'],
    411: ['MissingContentLength', 'You must provide the Content-Length HTTP header.'],
    412: ['PreconditionFailed', 'At least one of the preconditions you specified did not hold.'],
    500: ['InternalError', 'We encountered an internal error. Please try again.'],
    501: ['NotImplemented', 'A header you provided implies functionality that is not implemented.'],
    503: ['SlowDown', 'Please reduce your request rate.'],
  };
  const [code, message] = known[status] ?? ['ServiceUnavailable', 'Service is unable to handle request.'];
  return { status, code, message };
}
