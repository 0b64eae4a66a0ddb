/** Bytes waiting to be cut into chunks, kept as the pieces they arrived in (no copying until taken). */
export class ByteQueue {
  private pieces: Buffer[] = [];
  private total = 0;

  get length(): number {
    return this.total;
  }

  push(piece: Buffer): void {
    if (piece.length === 0) return;
    this.pieces.push(piece);
    this.total += piece.length;
  }

  /** Removes and returns the first `count` bytes (fewer when fewer are queued). */
  take(count: number): Buffer {
    const wanted = Math.min(count, this.total);
    const out = Buffer.allocUnsafe(wanted);
    let filled = 0;
    while (filled < wanted) {
      const piece = this.pieces[0]!;
      const used = Math.min(piece.length, wanted - filled);
      piece.copy(out, filled, 0, used);
      filled += used;
      if (used === piece.length) this.pieces.shift();
      else this.pieces[0] = piece.subarray(used);
    }
    this.total -= wanted;
    return out;
  }
}
