import { describe, expect, it } from 'vitest';
import { callNext } from '../../../server/core/commands/call-next.js';
import { closeCounter, pauseCounter, resumeCounter } from '../../../server/core/commands/counter-status.js';
import { finish } from '../../../server/core/commands/finish.js';
import { skip } from '../../../server/core/commands/skip.js';
import { boardContent, sameContent } from '../../../server/core/board-content.js';
import { hallView } from '../../../server/core/hall-view.js';
import { Hall } from '../../helpers/core-fixtures.js';

describe('boardContent', () => {
  const on = (hall: Hall, counterId: string) => boardContent(hallView(hall.state, 0, {}), counterId);

  it('is blank for a closed counter, an open one that has called nobody, and an unknown counter', () => {
    const hall = new Hall();
    expect(on(hall, 'c1')).toEqual({ kind: 'blank' });
    hall.open('c1');
    expect(on(hall, 'c1')).toEqual({ kind: 'blank' });
    expect(on(hall, 'no-such-counter')).toEqual({ kind: 'blank' });
  });

  it('shows the called number until it is finished or skipped', () => {
    const hall = new Hall();
    const o = hall.open('c1');
    hall.issue('ho-tich');
    hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, o);
    expect(on(hall, 'c1')).toEqual({ kind: 'number', text: 'A001' });
    expect(on(hall, 'c2')).toEqual({ kind: 'blank' });
    hall.do(callNext, { counterId: 'c1' }, o);
    expect(on(hall, 'c1')).toEqual({ kind: 'number', text: 'A002' });
    hall.do(skip, { counterId: 'c1' }, o);
    expect(on(hall, 'c1')).toEqual({ kind: 'blank' });
  });

  it('keeps the number of a citizen being served when the officer pauses, and says paused once the desk is free', () => {
    const hall = new Hall();
    const o = hall.open('c1');
    hall.issue('ho-tich');
    hall.do(callNext, { counterId: 'c1' }, o);
    hall.do(pauseCounter, { counterId: 'c1', reason: 'Nghỉ trưa' }, o);
    expect(on(hall, 'c1')).toEqual({ kind: 'number', text: 'A001' });
    hall.do(finish, { counterId: 'c1' }, o);
    expect(on(hall, 'c1')).toEqual({ kind: 'paused' });
    hall.do(resumeCounter, { counterId: 'c1' }, o);
    expect(on(hall, 'c1')).toEqual({ kind: 'blank' });
    hall.do(closeCounter, { counterId: 'c1' }, o);
    expect(on(hall, 'c1')).toEqual({ kind: 'blank' });
  });

  it('compares contents by what they show', () => {
    expect(sameContent({ kind: 'number', text: 'A001' }, { kind: 'number', text: 'A001' })).toBe(true);
    expect(sameContent({ kind: 'number', text: 'A001' }, { kind: 'number', text: 'A002' })).toBe(false);
    expect(sameContent({ kind: 'paused' }, { kind: 'blank' })).toBe(false);
    expect(sameContent({ kind: 'blank' }, { kind: 'blank' })).toBe(true);
  });
});
