package org.spuriouslab.text;

/**
 * A sparse {@code rows × columns} matrix stored by rows (column indices ascending per row), with
 * the products truncated SVD needs. Documents × words matrices such as TF-IDF are mostly zeros.
 */
public final class SparseMatrix {

    private final int columns;
    private final int[][] indices;
    private final double[][] values;

    /**
     * A matrix from per-row column indices (ascending, distinct) and values.
     *
     * @throws IllegalArgumentException for ragged index/value rows or indices outside {@code 0 … columns−1}
     */
    public SparseMatrix(int columns, int[][] indices, double[][] values) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        if (indices.length != values.length) {
            throw new IllegalArgumentException(indices.length + " index rows but " + values.length + " value rows");
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i].length != values[i].length) {
                throw new IllegalArgumentException("row " + i + " has " + indices[i].length + " indices but "
                        + values[i].length + " values");
            }
            for (int k = 0; k < indices[i].length; k++) {
                int j = indices[i][k];
                if (j < 0 || j >= columns || (k > 0 && j <= indices[i][k - 1])) {
                    throw new IllegalArgumentException("row " + i + ": column indices must ascend within 0.."
                            + (columns - 1) + ", got " + j + " at position " + k);
                }
            }
        }
        this.columns = columns;
        this.indices = indices;
        this.values = values;
    }

    /** The non-zero entries of a dense matrix. */
    public static SparseMatrix ofDense(double[][] dense) {
        if (dense.length == 0 || dense[0].length == 0) {
            throw new IllegalArgumentException("dense matrix must have at least one row and one column");
        }
        int d = dense[0].length;
        int[][] idx = new int[dense.length][];
        double[][] val = new double[dense.length][];
        for (int i = 0; i < dense.length; i++) {
            if (dense[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + dense[i].length + " columns, row 0 has " + d);
            }
            int nz = 0;
            for (double v : dense[i]) {
                nz += v != 0 ? 1 : 0;
            }
            idx[i] = new int[nz];
            val[i] = new double[nz];
            int k = 0;
            for (int j = 0; j < d; j++) {
                if (dense[i][j] != 0) {
                    idx[i][k] = j;
                    val[i][k++] = dense[i][j];
                }
            }
        }
        return new SparseMatrix(d, idx, val);
    }

    /** Number of rows. */
    public int rows() {
        return indices.length;
    }

    /** Number of columns. */
    public int columns() {
        return columns;
    }

    /** Number of stored (non-zero) entries. */
    public long nonZeros() {
        long nz = 0;
        for (int[] row : indices) {
            nz += row.length;
        }
        return nz;
    }

    /** Entry {@code (i, j)}. */
    public double get(int i, int j) {
        int[] row = indices[i];
        int k = java.util.Arrays.binarySearch(row, j);
        return k >= 0 ? values[i][k] : 0;
    }

    /** Column indices of the non-zeros of row {@code i} (a copy). */
    public int[] rowIndices(int i) {
        return indices[i].clone();
    }

    /** Values of the non-zeros of row {@code i} (a copy), matching {@link #rowIndices(int)}. */
    public double[] rowValues(int i) {
        return values[i].clone();
    }

    /** Row {@code i} as a dense array. */
    public double[] denseRow(int i) {
        double[] out = new double[columns];
        for (int k = 0; k < indices[i].length; k++) {
            out[indices[i][k]] = values[i][k];
        }
        return out;
    }

    /** The whole matrix as dense rows. */
    public double[][] toDense() {
        double[][] out = new double[rows()][];
        for (int i = 0; i < rows(); i++) {
            out[i] = denseRow(i);
        }
        return out;
    }

    /** Mean of the given rows, a dense row of length {@link #columns()} (zeros for no rows). */
    public double[] meanOfRows(int[] rowIds) {
        double[] mean = new double[columns];
        for (int i : rowIds) {
            for (int k = 0; k < indices[i].length; k++) {
                mean[indices[i][k]] += values[i][k];
            }
        }
        if (rowIds.length > 0) {
            for (int j = 0; j < columns; j++) {
                mean[j] /= rowIds.length;
            }
        }
        return mean;
    }

    /** {@code A · B} for a dense {@code columns × m} matrix B; result {@code rows × m}. */
    public double[][] times(double[][] b) {
        if (b.length != columns) {
            throw new IllegalArgumentException("right factor has " + b.length + " rows, need " + columns);
        }
        int m = b.length == 0 ? 0 : b[0].length;
        double[][] out = new double[rows()][m];
        for (int i = 0; i < rows(); i++) {
            double[] o = out[i];
            for (int k = 0; k < indices[i].length; k++) {
                double v = values[i][k];
                double[] br = b[indices[i][k]];
                for (int c = 0; c < m; c++) {
                    o[c] += v * br[c];
                }
            }
        }
        return out;
    }

    /** {@code Aᵀ · B} for a dense {@code rows × m} matrix B; result {@code columns × m}. */
    public double[][] transposeTimes(double[][] b) {
        if (b.length != rows()) {
            throw new IllegalArgumentException("right factor has " + b.length + " rows, need " + rows());
        }
        int m = b.length == 0 ? 0 : b[0].length;
        double[][] out = new double[columns][m];
        for (int i = 0; i < rows(); i++) {
            double[] br = b[i];
            for (int k = 0; k < indices[i].length; k++) {
                double v = values[i][k];
                double[] o = out[indices[i][k]];
                for (int c = 0; c < m; c++) {
                    o[c] += v * br[c];
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "SparseMatrix[" + rows() + " × " + columns + ", " + nonZeros() + " non-zeros]";
    }
}
