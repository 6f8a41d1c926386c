// Counts the files of a ZIP as its bytes arrive (the tests check certificate ZIPs with it). It walks the
// archive the way an unzipper does: each local header (PK\3\4) gives the name length, the
// extra length and the compressed size, so the walker skips exactly to the next header and
// stops at the central directory (PK\1\2). Nothing inside a file's data is ever taken for a
// header, so the count is exact. It needs sizes in the local headers (no data descriptors),
// which is what yazl writes for buffers.

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const HEADER = 30;

export class ZipEntryCounter {
  /** Files whose data has fully arrived. */
  done = 0;
  /** No more counting: the central directory started, or the stream is not a ZIP we can walk. */
  finished = false;
  /** The central directory was reached: every file arrived. */
  complete = false;
  private pending = new Uint8Array(0);
  /** Bytes still to skip of the current file's data. */
  private skip = 0;

  push(chunk: Uint8Array): number {
    if (this.finished) return this.done;
    let buf = chunk;
    for (;;) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, buf.length);
        this.skip -= n;
        buf = buf.subarray(n);
        if (this.skip > 0) return this.done;
        this.done++;
      }
      if (this.pending.length) {
        const joined = new Uint8Array(this.pending.length + buf.length);
        joined.set(this.pending);
        joined.set(buf, this.pending.length);
        buf = joined;
        this.pending = new Uint8Array(0);
      }
      if (buf.length < HEADER) {
        this.pending = buf.slice();
        return this.done;
      }
      const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      const sig = view.getUint32(0, true);
      if (sig !== LOCAL) {
        // The central directory (PK\1\2) follows the last file; anything else is not a ZIP we can walk.
        this.finished = true;
        this.complete = sig === CENTRAL;
        return this.done;
      }
      const flags = view.getUint16(6, true);
      if (flags & 0x08) {
        // Sizes follow the data: cannot be walked exactly.
        this.finished = true;
        return this.done;
      }
      const size = view.getUint32(18, true);
      const header = HEADER + view.getUint16(26, true) + view.getUint16(28, true);
      if (buf.length < header) {
        this.pending = buf.slice();
        return this.done;
      }
      buf = buf.subarray(header);
      this.skip = size;
      if (size === 0) this.done++;
    }
  }
}
