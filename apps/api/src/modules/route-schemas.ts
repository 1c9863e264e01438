// Pieces every route schema repeats: the problem answers a route can give, and the bearer scheme.
import { ProblemSchema } from '@vcentri/shared';

/** 400, 401, 403, 404 and 409 as application/problem+json, for the OpenAPI document. */
export const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

/** Marks a route as taking `Authorization: Bearer <accessToken>` in OpenAPI. */
export const secured = { security: [{ bearerAuth: [] }] };
