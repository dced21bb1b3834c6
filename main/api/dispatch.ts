import type { z } from 'zod';
import { AppError, toErrorPayload, type FieldIssue } from '../errors';
import { isChannel } from './channels';
import { inputs, type Result } from './contract';
import type { Context } from './handlers/context';
import { handlers } from './handlers';

function fieldIssues(error: z.ZodError): FieldIssue[] {
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

/**
 * Runs one channel for any transport: unknown channels and invalid input never reach a handler,
 * and whatever goes wrong comes back as { code, message } without stack or path.
 */
export async function dispatch(channel: unknown, rawInput: unknown, context: Context): Promise<Result<unknown>> {
  try {
    if (!isChannel(channel)) throw new AppError('errors.unknownChannel');
    const parsed = inputs[channel].safeParse(rawInput);
    if (!parsed.success) throw new AppError('errors.validation', {}, fieldIssues(parsed.error));
    const handler = handlers[channel] as (input: unknown, context: Context) => unknown;
    return { ok: true, value: await handler(parsed.data, context) };
  } catch (error) {
    if (!(error instanceof AppError)) console.error(`[${String(channel)}]`, error);
    return { ok: false, error: toErrorPayload(error) };
  }
}
