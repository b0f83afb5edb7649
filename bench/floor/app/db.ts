import { PGlite } from "@electric-sql/pglite";

const state = globalThis as unknown as { floorDb?: Promise<PGlite> };

/** One in-memory PGlite per process, with the 20 rows the page reads. */
export function floorDb(): Promise<PGlite> {
  state.floorDb ??= (async () => {
    const db = await PGlite.create();
    await db.exec(`create table organizations (id serial primary key, name text not null, country text not null, status text not null);
      insert into organizations (name, country, status)
      select 'Organisation ' || n, 'CH', case when n % 3 = 0 then 'certified_member' else 'transitional_member' end from generate_series(1, 20) n;`);
    return db;
  })();
  return state.floorDb;
}
