import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogueService } from '../../../server/services/catalogue-service.js';
import { openDatabase, type Db } from '../../../server/storage/db.js';
import { migrate } from '../../../server/storage/migrate.js';
import { proceduresRepository } from '../../../server/storage/repositories/procedures.js';

/** Start-up: import into an empty table once, read the table back afterwards, never fail the hall. */
describe('CatalogueService.start', () => {
  const dirs: string[] = [];
  const dbs: Db[] = [];
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const temp = () => {
    const d = mkdtempSync(join(tmpdir(), 'motcua-catalogue-'));
    dirs.push(d);
    return d;
  };
  const logged: string[] = [];
  const logger = {
    info: (_o: object, m?: string) => void logged.push(`info ${m}`),
    warn: (_o: object, m?: string) => void logged.push(`warn ${m}`),
    error: (_o: object, m?: string) => void logged.push(`error ${m}`),
  };
  const service = (file: string) => {
    const db = openDatabase(file);
    dbs.push(db);
    migrate(db);
    return {
      db,
      catalogue: new CatalogueService({ repo: proceduresRepository(db), clock: { now: () => 1_700_000_000_000 }, logger }),
    };
  };
  const imports = (db: Db) => (db.prepare('SELECT count(*) AS n FROM procedure_imports').get() as { n: number }).n;

  it('imports a folder into an empty table once, then reads the table, even when the folder changed', () => {
    const source = temp();
    mkdirSync(join(source, 'records'));
    writeFileSync(
      join(source, 'catalogue.csv'),
      'Mã số,Tên,Cơ quan ban hành,Cơ quan thực hiện,Lĩnh vực,URL\n1.000001,Đăng ký khai sinh,,UBND cấp xã,Hộ tịch,\n',
    );
    const file = join(temp(), 'hall.db');
    const first = service(file);
    first.catalogue.start(source);
    expect(first.catalogue.search('khai sinh').map((s) => s.code)).toEqual(['1.000001']);
    expect(first.catalogue.fields()).toEqual([{ field: 'Hộ tịch', count: 1, communeCount: 1 }]);
    expect(first.catalogue.get('1.000001')?.communeLevel).toBe(true);
    first.db.close();
    dbs.length = 0;

    writeFileSync(join(source, 'catalogue.csv'), 'Mã số,Tên\n2.000002,Khác\n');
    const later = service(file);
    later.catalogue.start(source);
    expect(later.catalogue.size).toBe(1);
    expect(later.catalogue.get('1.000001')?.name).toBe('Đăng ký khai sinh');
    expect(imports(later.db)).toBe(1);
  });

  it('starts empty, saying why, when the folder is missing or unreadable', () => {
    const missing = service(join(temp(), 'hall.db'));
    missing.catalogue.start(join(temp(), 'nothing-here'));
    expect(missing.catalogue.size).toBe(0);
    const broken = temp();
    mkdirSync(join(broken, 'catalogue.csv')); // a folder where the file should be: reading it throws
    const unreadable = service(join(temp(), 'hall.db'));
    unreadable.catalogue.start(broken);
    expect(unreadable.catalogue.size).toBe(0);
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warn no procedure catalogue/),
        expect.stringMatching(/^error procedure catalogue import failed/),
      ]),
    );
  });
});
