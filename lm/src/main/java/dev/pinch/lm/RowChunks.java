package dev.pinch.lm;

import ai.djl.ndarray.types.Shape;

/**
 * How a tensor is cut into runs of whole rows (along axis 0) of at most {@link #maxElements} elements, so that
 * no Java buffer, byte count or libtorch array made from one run reaches 2 GiB: a 256k-vocabulary embedding is
 * 2.4 GB in fp32. All offsets are {@code long}.
 *
 * @param rows rows along axis 0 (1 for a scalar)
 * @param rowElements elements per row
 * @param rowsPerChunk rows per run (the last run may have fewer)
 */
record RowChunks(long rows, long rowElements, long rowsPerChunk) {

    /** Elements per run: 2^28, so a run in fp32 is 1 GiB. Tests lower it to exercise several runs. */
    static long maxElements = 1L << 28;

    /**
     * Cuts a shape.
     *
     * @param shape the tensor's shape
     * @return its runs
     */
    static RowChunks of(Shape shape) {
        long rows = shape.dimension() == 0 ? 1 : shape.get(0);
        long rowElements = shape.dimension() == 0 ? 1 : shape.size() / Math.max(1, rows);
        long per = Math.max(1, maxElements / Math.max(1, rowElements));
        return new RowChunks(rows, rowElements, Math.max(1, Math.min(per, rows)));
    }

    /** @return the number of runs (at least 1) */
    int count() {
        return Math.toIntExact(Math.max(1, (rows + rowsPerChunk - 1) / rowsPerChunk));
    }

    /** @return the first row of run {@code i} */
    long firstRow(int i) {
        return i * rowsPerChunk;
    }

    /** @return the rows of run {@code i} */
    long rowCount(int i) {
        return Math.min(rowsPerChunk, rows - firstRow(i));
    }

    /** @return where run {@code i} starts, in bytes from the tensor's start */
    long byteOffset(int i, int elementBytes) {
        return Math.multiplyExact(Math.multiplyExact(firstRow(i), rowElements), (long) elementBytes);
    }

    /** @return the bytes of run {@code i}; fits an int whenever {@code elementBytes * maxElements} does */
    long byteLength(int i, int elementBytes) {
        return Math.multiplyExact(Math.multiplyExact(rowCount(i), rowElements), (long) elementBytes);
    }

    /** @return the shape of run {@code i}: the tensor's shape with {@link #rowCount} rows */
    Shape shape(Shape whole, int i) {
        if (whole.dimension() == 0) {
            return whole;
        }
        long[] dims = whole.getShape();
        dims[0] = rowCount(i);
        return new Shape(dims);
    }
}
