import type { EntityManager } from 'typeorm';

/**
 * What a repository function runs its SQL on: the DataSource (or its manager) outside a transaction, the
 * transaction's EntityManager inside one (`events.transaction(async (tx, emit) => repo.lockVote(tx, id))`).
 *
 * Data access, one style in every domain: `<domain>/<name>.repository.ts` holds the row types and the typed
 * queries (raw SQL, parameters only, never string-built values), and is the only file of the domain that
 * calls `.query()` or a TypeORM repository; presenter functions (`toVote(row)`) turn rows into the shared
 * contracts. Services hold the rules and the transactions and call the repository.
 */
export type Queryable = Pick<EntityManager, 'query'>;
