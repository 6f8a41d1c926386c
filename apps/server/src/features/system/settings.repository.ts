import type { Db } from '../../db/database.ts';

export const getSetting = async (db: Db, key: string): Promise<string | undefined> =>
  (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;

/** Stores the value unless one is there already, and returns whichever won. */
export async function getOrInitSetting(db: Db, key: string, init: () => string): Promise<string> {
  await db.insertInto('settings').values({ key, value: init() }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await getSetting(db, key))!;
}
