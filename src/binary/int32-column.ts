/** An Int32Array that grows; `capacity` is a good guess so that it rarely does. */
export class Int32Column {
  values: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.values = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  /** The values so far, as a view (no copy). */
  view(): Int32Array {
    return this.values.subarray(0, this.length);
  }
}
