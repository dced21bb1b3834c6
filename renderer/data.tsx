// Reading and changing data: TanStack Query over the typed client. Answers stay cached until main
// says what changed (a change notice pushed from the change feed); only the queries that depend on
// the records written reload, and only the mounted ones at once.
import {
  keepPreviousData,
  QueryClient,
  QueryClientProvider,
  useQueryClient,
  useQuery as useTanStackQuery,
  type Query as CachedQuery,
} from '@tanstack/react-query';
import { useCallback, useEffect, type ReactNode } from 'react';
import type { Channel, Input, Output } from '../main/api/contract';
import { ApiError, call, onPush } from './api';
import { isAffected } from './invalidation';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The data is on this computer: never wait for "the network", never retry a refusal.
      queries: { networkMode: 'always', staleTime: Infinity, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

function ChangeListener({ client }: { client: QueryClient }) {
  useEffect(
    () =>
      onPush('data:changed', (notice) => {
        void client.invalidateQueries({ predicate: (query: CachedQuery) => isAffected(query.queryKey, notice) });
      }),
    [client],
  );
  return null;
}

export function DataProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <ChangeListener client={client} />
      {children}
    </QueryClientProvider>
  );
}

export const queryKey = <C extends Channel>(channel: C, input?: Input<C>) => [channel, input ?? null] as const;

export interface Query<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** The data shown is the previous answer (keepPrevious) while this one loads. */
  previous: boolean;
}

/**
 * A channel's answer, cached; `enabled: false` waits (e.g. a form for a new record). With
 * `keepPrevious`, the last answer stays shown while the next loads (a search as you type).
 */
export function useQuery<C extends Channel>(channel: C, input?: Input<C>, enabled = true, options: { keepPrevious?: boolean } = {}): Query<Output<C>> {
  const query = useTanStackQuery<Output<C>, ApiError>({
    queryKey: queryKey(channel, input),
    queryFn: () => call(channel, input),
    enabled,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
  return { data: query.data, error: query.error ?? undefined, loading: query.isPending && enabled, previous: query.isPlaceholderData };
}

/**
 * Calls a channel that changes data. Screens reload from the change notice main sends; a change
 * the data store refused (store.readOnly, store.lockTaken…) reloads app:status at once, so that the
 * data banner says why.
 */
export function useMutation() {
  const client = useQueryClient();
  return useCallback(
    async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
      try {
        return await call(channel, input);
      } catch (error) {
        if (error instanceof ApiError && error.code.startsWith('store.')) void client.invalidateQueries({ queryKey: ['app:status'] });
        throw error;
      }
    },
    [client],
  );
}
