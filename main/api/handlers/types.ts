import type { Channel, Output, ParsedInput } from '../contract';
import type { Context } from './context';

export type Handler<C extends Channel> = (input: ParsedInput<C>, context: Context) => Output<C> | Promise<Output<C>>;
export type Handlers = { [C in Channel]: Handler<C> };
