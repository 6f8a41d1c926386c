import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, describeEachEngine, type TestDatabase } from './support/engines.ts';
import { migrateToLatest, type Database } from '../src/db/database.ts';
import { prepared } from '../src/db/prepared.ts';

// db/prepared.ts compiles a query once per dialect and reruns it with new values: each call
// must see its own arguments (never the first call's), keep the constants it was built with,
// and run inside a transaction as on the database itself.
describeEachEngine('queries compiled once', (engine) => {
  let tdb: TestDatabase;
  let database: Database;
  before(async () => {
    tdb = await createTestDatabase(engine);
    database = tdb.open();
    await migrateToLatest(database.db);
    await database.db.insertInto('settings').values([{ key: 'bench.a', value: 'A' }, { key: 'bench.b', value: 'B' }, { key: 'bench.hidden', value: 'secret' }]).execute();
  });
  after(async () => {
    await database.close();
    await tdb.drop();
  });

  // 'secret' is a constant of the query, not an argument: it stays whatever the arguments.
  const settingValue = prepared((db, a: { key: string }) => db.selectFrom('settings').select('value').where('key', '=', a.key).where('value', '!=', 'secret'));
  const setValue = prepared((db, a: { key: string; value: string }) => db.updateTable('settings').set({ value: a.value }).where('key', '=', a.key));

  test('each call runs with its own values', async () => {
    assert.deepEqual((await settingValue(database.db, { key: 'bench.a' })).rows, [{ value: 'A' }]);
    assert.deepEqual((await settingValue(database.db, { key: 'bench.b' })).rows, [{ value: 'B' }]);
    assert.deepEqual((await settingValue(database.db, { key: 'bench.hidden' })).rows, [], 'the constant condition holds');
    assert.deepEqual((await settingValue(database.db, { key: 'nope' })).rows, []);
  });

  test('writes report the rows they changed, and run inside a transaction', async () => {
    assert.equal(Number((await setValue(database.db, { key: 'bench.a', value: 'A2' })).numAffectedRows), 1);
    assert.equal(Number((await setValue(database.db, { key: 'nope', value: 'x' })).numAffectedRows), 0);
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await setValue(trx, { key: 'bench.b', value: 'B2' });
        assert.deepEqual((await settingValue(trx, { key: 'bench.b' })).rows, [{ value: 'B2' }], 'the transaction sees its own write');
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.deepEqual((await settingValue(database.db, { key: 'bench.b' })).rows, [{ value: 'B' }], 'rolled back with it');
    assert.deepEqual((await settingValue(database.db, { key: 'bench.a' })).rows, [{ value: 'A2' }]);
  });
});
