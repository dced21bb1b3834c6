import type { z } from 'zod';

/**
 * An error a user may see. `code` is an i18n key under errors.* (or store.*); `params` fill it in.
 * Nothing else of an error (stack, file path) ever crosses to the renderer.
 */
export interface FieldIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly issues: FieldIssue[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export interface ErrorPayload {
  code: string;
  message: string;
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
}

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) {
    return { code: error.code, message: error.code, params: error.params, issues: error.issues };
  }
  return { code: 'errors.unexpected', message: 'errors.unexpected' };
}

/** zod's issues as the renderer shows them: the field's path, an errors.* key and its limits. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const params: Record<string, number> = {};
    if ('maximum' in issue && typeof issue.maximum === 'number') params.max = issue.maximum;
    if ('minimum' in issue && typeof issue.minimum === 'number') params.min = issue.minimum;
    return {
      path: issue.path.join('.'),
      code: issue.message.startsWith('errors.') ? issue.message : 'errors.invalid',
      params,
    };
  });
}
