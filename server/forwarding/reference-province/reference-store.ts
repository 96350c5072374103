import type { CapNhatTienDoHoSoMC, DanhGia, DongBoHoSoMC, SoLieuXepHang, TraCuuHoSo } from '../province-shapes.js';
import { ALREADY_EXISTS } from '../province-shapes.js';
import type { ReferenceDb } from './reference-db.js';
import { refusal, type Reply } from './reference-replies.js';

export type Operation = 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC' | 'DanhGia' | 'SoLieuXepHang';

const WHAT: { readonly [O in Operation]: string } = {
  DongBoHoSoMC: 'Hồ sơ',
  CapNhatTienDoHoSoMC: 'Tiến độ xử lý',
  DanhGia: 'Đánh giá',
  SoLieuXepHang: 'Số liệu',
};

export interface StoredDossier {
  readonly maHoSo: string;
  readonly status: number;
  readonly payload: DongBoHoSoMC;
  readonly statusChangedAt: number;
}

export interface StoredProgress {
  readonly id: number;
  readonly maHoSo: string;
  readonly source: 'hub' | 'province';
  readonly status: number;
  readonly key: string | null;
}

/**
 * What the reference province system keeps, and its rules: a key is stored with the first answer
 * and a repeat is "đã tồn tại"; a dossier code already held is "đã tồn tại" whatever the key;
 * progress for a dossier not held is refused (the hub must send the dossier first). Each push is
 * one transaction, so two deliveries of one item racing each other store it once.
 */
export class ReferenceStore {
  constructor(private readonly db: ReferenceDb) {}

  pushDossier(d: DongBoHoSoMC, key: string, now: number): Reply {
    return this.once('DongBoHoSoMC', key, now, () => {
      if (this.db.prepare('SELECT 1 FROM dossiers WHERE ma_ho_so = ?').get(d.MaHoSo)) return this.exists('DongBoHoSoMC', null);
      this.db
        .prepare(
          `INSERT INTO dossiers (ma_ho_so, payload, status, ngay_tiep_nhan, ngay_hen_tra, idempotency_key, stored_at, status_changed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(d.MaHoSo, JSON.stringify(d), d.TrangThaiHoSo, d.NgayTiepNhan, d.NgayHenTra, key, now, now);
      return { status: 200, body: { ok: true, data: { MaHoSo: d.MaHoSo } } };
    });
  }

  pushProgress(p: CapNhatTienDoHoSoMC, key: string, now: number): Reply {
    return this.once('CapNhatTienDoHoSoMC', key, now, () => {
      if (!this.db.prepare('SELECT 1 FROM dossiers WHERE ma_ho_so = ?').get(p.MaHoSo)) {
        return refusal(
          400,
          'HO_SO_CHUA_TON_TAI',
          'Hồ sơ chưa được đồng bộ: cần gửi hồ sơ trước khi cập nhật tiến độ',
          'unknown dossier: push the dossier before its progress',
        );
      }
      this.step(p.MaHoSo, 'hub', p.TrangThaiHoSo, p, key, now, p.NgayXuLy, p.NgayHenTra);
      return { status: 200, body: { ok: true, data: { MaHoSo: p.MaHoSo, TrangThaiHoSo: p.TrangThaiHoSo } } };
    });
  }

  pushRating(r: DanhGia, key: string, now: number): Reply {
    return this.once('DanhGia', key, now, () => {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO ratings (idempotency_key, ma_ho_so, so_thu_tu, payload, stored_at) VALUES (?, ?, ?, ?, ?)')
        .run(key, r.MaHoSo ?? null, r.SoThuTu ?? null, JSON.stringify(r), now);
      return { status: 200, body: { ok: true, data: { id: Number(lastInsertRowid) } } };
    });
  }

  pushFigures(f: SoLieuXepHang, key: string, now: number): Reply {
    return this.once('SoLieuXepHang', key, now, () => {
      const before = this.db.prepare('SELECT revision FROM figures WHERE ngay = ? AND ma_don_vi = ?').get(f.Ngay, f.MaDonVi) as
        { revision: number } | undefined;
      const revision = (before?.revision ?? 0) + 1;
      this.db
        .prepare(
          `INSERT INTO figures (ngay, ma_don_vi, payload, revision, idempotency_key, stored_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (ngay, ma_don_vi) DO UPDATE SET payload = excluded.payload, revision = excluded.revision,
             idempotency_key = excluded.idempotency_key, stored_at = excluded.stored_at`,
        )
        .run(f.Ngay, f.MaDonVi, JSON.stringify(f), revision, key, now);
      return { status: 200, body: { ok: true, data: { Ngay: f.Ngay, revision } } };
    });
  }

  lookUp(code: string): TraCuuHoSo | null {
    const row = this.db
      .prepare(
        'SELECT ma_ho_so, status, ngay_tiep_nhan, ngay_hen_tra, ngay_co_ket_qua, ngay_tra_ket_qua FROM dossiers WHERE ma_ho_so = ?',
      )
      .get(code) as
      | {
          ma_ho_so: string;
          status: number;
          ngay_tiep_nhan: string;
          ngay_hen_tra: string;
          ngay_co_ket_qua: string | null;
          ngay_tra_ket_qua: string | null;
        }
      | undefined;
    if (!row) return null;
    return {
      MaHoSo: row.ma_ho_so,
      TrangThaiHoSo: row.status,
      NgayTiepNhan: row.ngay_tiep_nhan,
      NgayHenTra: row.ngay_hen_tra,
      NgayCoKetQua: row.ngay_co_ket_qua,
      NgayTraKetQua: row.ngay_tra_ket_qua,
    };
  }

  /** The province's own step (2 -> 4 -> 9), recorded in the dossier's history like the hub's. */
  provinceStep(code: string, to: number, now: number, stamp: string): void {
    const content = to === 4 ? 'Chuyển xử lý' : to === 9 ? 'Đã có kết quả giải quyết' : `Chuyển trạng thái ${to}`;
    this.db.transaction(() =>
      this.step(
        code,
        'province',
        to,
        { MaHoSo: code, TrangThaiHoSo: to, NgayXuLy: stamp, NoiDungXuLy: content },
        null,
        now,
        stamp,
      ),
    )();
  }

  /** The dossiers the province still moves on its own (2 and 4), without their payloads. */
  moving(): { maHoSo: string; status: number; statusChangedAt: number }[] {
    return this.db
      .prepare(
        'SELECT ma_ho_so AS maHoSo, status, status_changed_at AS statusChangedAt FROM dossiers WHERE status IN (2, 4) ORDER BY stored_at, ma_ho_so',
      )
      .all() as { maHoSo: string; status: number; statusChangedAt: number }[];
  }

  dossiers(): StoredDossier[] {
    const rows = this.db
      .prepare('SELECT ma_ho_so, status, payload, status_changed_at FROM dossiers ORDER BY stored_at, ma_ho_so')
      .all() as {
      ma_ho_so: string;
      status: number;
      payload: string;
      status_changed_at: number;
    }[];
    return rows.map((r) => ({
      maHoSo: r.ma_ho_so,
      status: r.status,
      payload: JSON.parse(r.payload) as DongBoHoSoMC,
      statusChangedAt: r.status_changed_at,
    }));
  }

  progress(code?: string): StoredProgress[] {
    const sql = `SELECT id, ma_ho_so, source, status, idempotency_key FROM progress ${code ? 'WHERE ma_ho_so = ?' : ''} ORDER BY id`;
    const rows = this.db.prepare(sql).all(...(code ? [code] : [])) as {
      id: number;
      ma_ho_so: string;
      source: 'hub' | 'province';
      status: number;
      idempotency_key: string | null;
    }[];
    return rows.map((r) => ({ id: r.id, maHoSo: r.ma_ho_so, source: r.source, status: r.status, key: r.idempotency_key }));
  }

  ratings(): { key: string; payload: DanhGia }[] {
    const rows = this.db.prepare('SELECT idempotency_key, payload FROM ratings ORDER BY id').all() as {
      idempotency_key: string;
      payload: string;
    }[];
    return rows.map((r) => ({ key: r.idempotency_key, payload: JSON.parse(r.payload) as DanhGia }));
  }

  figures(): { revision: number; payload: SoLieuXepHang }[] {
    const rows = this.db.prepare('SELECT revision, payload FROM figures ORDER BY ngay, ma_don_vi').all() as {
      revision: number;
      payload: string;
    }[];
    return rows.map((r) => ({ revision: r.revision, payload: JSON.parse(r.payload) as SoLieuXepHang }));
  }

  logDelivery(d: {
    at: number;
    operation: string;
    key: string | null;
    status: number;
    code: string | null;
    fault: string | null;
  }): void {
    this.db
      .prepare('INSERT INTO deliveries (at, operation, key, status, code, fault) VALUES (?, ?, ?, ?, ?, ?)')
      .run(d.at, d.operation, d.key, d.status, d.code, d.fault);
  }

  deliveries(): { operation: string; key: string | null; status: number; code: string | null; fault: string | null }[] {
    return this.db.prepare('SELECT operation, key, status, code, fault FROM deliveries ORDER BY id').all() as ReturnType<
      ReferenceStore['deliveries']
    >;
  }

  private step(
    code: string,
    source: 'hub' | 'province',
    status: number,
    payload: object,
    key: string | null,
    now: number,
    stamp: string,
    appointment?: string,
  ): void {
    this.db
      .prepare('INSERT INTO progress (ma_ho_so, source, status, payload, idempotency_key, stored_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(code, source, status, JSON.stringify(payload), key, now);
    this.db
      .prepare(
        `UPDATE dossiers SET status = ?, status_changed_at = ?, ngay_hen_tra = COALESCE(?, ngay_hen_tra),
           ngay_co_ket_qua = CASE WHEN ? = 9 THEN ? ELSE ngay_co_ket_qua END,
           ngay_tra_ket_qua = CASE WHEN ? = 10 THEN ? ELSE ngay_tra_ket_qua END
         WHERE ma_ho_so = ?`,
      )
      .run(status, now, appointment ?? null, status, stamp, status, stamp, code);
  }

  /** Runs `store` once per key: in one transaction with the record of its answer, if it stored anything. */
  private once(op: Operation, key: string, now: number, store: () => Reply): Reply {
    return this.db.transaction((): Reply => {
      const first = this.db.prepare('SELECT result FROM idempotency WHERE operation = ? AND key = ?').get(op, key) as
        { result: string } | undefined;
      if (first) return this.exists(op, JSON.parse(first.result) as unknown);
      const reply = store();
      // Only what was stored is remembered: a refused item changed nothing and is judged afresh.
      if (reply.status === 200) {
        this.db
          .prepare('INSERT INTO idempotency (operation, key, result, stored_at) VALUES (?, ?, ?, ?)')
          .run(op, key, JSON.stringify(reply.body), now);
      }
      return reply;
    })();
  }

  private exists(op: Operation, firstResult: unknown): Reply {
    const reply = refusal(409, ALREADY_EXISTS, `${WHAT[op]} đã tồn tại`, 'already exists (a repeat of an item already stored)');
    return firstResult === null ? reply : { status: 409, body: { ...reply.body, firstResult } };
  }
}
