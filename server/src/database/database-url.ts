/** Injection token for the connection string of the database this process uses. */
export const DATABASE_URL = Symbol('DATABASE_URL');
