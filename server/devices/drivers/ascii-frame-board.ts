import type { BoardContent } from '../../core/board-content.js';
import { asciiFrameFormat, encodeAsciiFrame, type AsciiFrameFormat } from '../codecs/led/ascii-frame.js';
import { cellText } from '../codecs/led/cells.js';
import { LedBoardDriver } from './led-board-driver.js';
import type { LedBoardOptions } from './led-board.js';

/**
 * A board that takes ASCII frames (STX/address/cells/ETX/checksum, as its model says). These boards
 * never answer, so "online" means the link is up and took the frame; anything they send back is
 * noise on the line, counted and logged by the base driver.
 */
export class AsciiFrameBoard extends LedBoardDriver {
  private readonly format: AsciiFrameFormat;

  constructor(options: LedBoardOptions) {
    super(options);
    this.format = asciiFrameFormat(options.model);
  }

  protected async deliver(content: BoardContent): Promise<void> {
    await this.transport.write(encodeAsciiFrame(this.format, this.address, cellText(this.model, content)));
  }
}
