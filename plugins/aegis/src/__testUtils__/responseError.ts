import { ResponseError } from '@backstage/errors';

/** The error the Aegis client throws when the backend answers with a status. */
export function responseError(
  status: number,
  statusText: string,
  message: string,
): Promise<ResponseError> {
  const body = {
    error: { name: 'Error', message },
    response: { statusCode: status },
  };
  return ResponseError.fromResponse(
    new Response(JSON.stringify(body), {
      status,
      statusText,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}
