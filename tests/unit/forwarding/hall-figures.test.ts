import { describe, expect, it } from 'vitest';
import { callNext } from '../../../server/core/commands/call-next.js';
import { skip } from '../../../server/core/commands/skip.js';
import { hallFiguresPayload } from '../../../server/forwarding/hall-figures.js';
import { DAY, Hall } from '../../helpers/core-fixtures.js';

describe('hallFiguresPayload (SoLieuXepHang)', () => {
  it('counts issued, served and no-shows per queue, and the waits to first call', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const a = hall.issue('ho-tich'); // waits 10 min
    const b = hall.issue('ho-tich'); // waits 40 min, then no-show
    hall.issue('dat-dai'); // never called
    hall.advance(10);
    hall.do(callNext, { counterId: 'c1' }, lan);
    hall.advance(30);
    hall.do(callNext, { counterId: 'c1' }, lan); // finishes a, calls b
    hall.do(skip, { counterId: 'c1' }, lan);
    const payload = hallFiguresPayload(DAY, hall.state.tickets.values(), ['ho-tich', 'dat-dai'], '000.00.31.H38', hall.now);
    expect(payload).toMatchObject({ Ngay: '20260302', MaDonVi: '000.00.31.H38' });
    expect(payload['HangDoi']).toEqual([
      {
        MaHangDoi: 'ho-tich',
        SoPhieuCap: 2,
        SoDaPhucVu: 1,
        SoVangMat: 1,
        ThoiGianChoTrungBinhGiay: 25 * 60,
        ThoiGianChoP90Giay: 40 * 60,
        TyLeChoQua30Phut: 0.5,
      },
      {
        MaHangDoi: 'dat-dai',
        SoPhieuCap: 1,
        SoDaPhucVu: 0,
        SoVangMat: 0,
        ThoiGianChoTrungBinhGiay: null,
        ThoiGianChoP90Giay: null,
        TyLeChoQua30Phut: null,
      },
    ]);
    expect([a.id, b.id]).toHaveLength(2);
  });
});
