/**
 * The few DOM geometry classes pdf.js's Node build expects on `globalThis`
 * when it loads. It gets them from `@napi-rs/canvas`, which cannot be loaded
 * from a bundle (and is only needed to draw pages, which Parley never does);
 * without them pdf.js fails as it loads. Text extraction needs only the 2-D
 * matrix arithmetic below. Installed only where the real classes are absent.
 */

/** A 2-D affine matrix with the operations pdf.js calls. */
class Matrix2d {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = [init[0]!, init[1]!, init[2]!, init[3]!, init[4]!, init[5]!];
  }

  get is2D(): boolean {
    return true;
  }

  multiplySelf(o: Matrix2d): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * o.a + c * o.b;
    this.b = b * o.a + d * o.b;
    this.c = a * o.c + c * o.d;
    this.d = b * o.c + d * o.d;
    this.e = a * o.e + c * o.f + e;
    this.f = b * o.e + d * o.f + f;
    return this;
  }

  preMultiplySelf(o: Matrix2d): this {
    const copy = new Matrix2d([o.a, o.b, o.c, o.d, o.e, o.f]).multiplySelf(this);
    return this.assign(copy);
  }

  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf(new Matrix2d([1, 0, 0, 1, x, y]));
  }

  scaleSelf(x = 1, y = x): this {
    return this.multiplySelf(new Matrix2d([x, 0, 0, y, 0, 0]));
  }

  translate(x = 0, y = 0): Matrix2d {
    return new Matrix2d([this.a, this.b, this.c, this.d, this.e, this.f]).translateSelf(x, y);
  }

  scale(x = 1, y = x): Matrix2d {
    return new Matrix2d([this.a, this.b, this.c, this.d, this.e, this.f]).scaleSelf(x, y);
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0) return this.assign(new Matrix2d([NaN, NaN, NaN, NaN, NaN, NaN]));
    const { a, b, c, d, e, f } = this;
    return this.assign(new Matrix2d([d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det]));
  }

  private assign(o: Matrix2d): this {
    [this.a, this.b, this.c, this.d, this.e, this.f] = [o.a, o.b, o.c, o.d, o.e, o.f];
    return this;
  }
}

/** Installs `DOMMatrix` (and empty `ImageData` and `Path2D`, which only drawing uses) where they are missing. */
export function installPdfGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  g.DOMMatrix ??= Matrix2d;
  g.ImageData ??= class ImageData {};
  g.Path2D ??= class Path2D {};
}
