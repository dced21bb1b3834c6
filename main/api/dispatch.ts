import { AppError, fieldIssues, toErrorPayload } from '../errors';
import type { Warning } from '../store/model';
import type { CallContext, ChannelDef, Context } from './channel';
import type { Result } from './contract';
import { channels } from './table';

export function isChannel(name: unknown): name is keyof typeof channels {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

/**
 * Runs one channel for any transport: unknown channels and invalid input never reach a handler,
 * and whatever goes wrong comes back as { code, message } without stack or path.
 */
export async function dispatch(channel: unknown, rawInput: unknown, context: Context): Promise<Result<unknown>> {
  try {
    if (!isChannel(channel)) throw new AppError('errors.unknownChannel');
    const def = channels[channel] as ChannelDef;
    const parsed = def.input.safeParse(rawInput);
    if (!parsed.success) throw new AppError('errors.validation', {}, fieldIssues(parsed.error));
    const warnings: Warning[] = [];
    const call: CallContext = {
      ...context,
      read: context.store.view(),
      change: (apply) => context.store.change(apply, warnings),
    };
    const value = await def.handler(parsed.data, call);
    return warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };
  } catch (error) {
    if (!(error instanceof AppError)) console.error(`[${String(channel)}]`, error);
    return { ok: false, error: toErrorPayload(error) };
  }
}
