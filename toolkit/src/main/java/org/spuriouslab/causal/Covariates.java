package org.spuriouslab.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A table of covariates for one group: {@code rows} units × {@code cols} named columns of finite
 * doubles, stored row-major in one {@code double[]} (8 bytes per value: 10⁶ × 50 takes 400 MB).
 * Immutable: every factory copies its input, and accessors return copies.
 *
 * <pre>{@code
 * Covariates topics = Covariates.oneHot(topicOfEachPrompt, List.of("politics", "science", "sports"));
 * Covariates both = topics.withColumns(Covariates.of(embeddings, embeddingNames));
 * }</pre>
 *
 * Each column is one moment function for {@link EntropyBalancing}: balancing matches the column
 * means; {@link #withSquares()} adds squared columns so that second moments (and hence variances)
 * match as well.
 */
public final class Covariates {

    private final double[] values;
    private final int rows;
    private final int cols;
    private final List<String> names;

    private Covariates(double[] values, int rows, List<String> names) {
        this.values = values;
        this.rows = rows;
        this.cols = names.size();
        this.names = names;
    }

    /**
     * Covariates from an {@code n × p} array (copied).
     *
     * @param x     one row per unit, all rows of the same length {@code p ≥ 1}, finite values
     * @param names {@code p} distinct, non-blank column names
     * @throws IllegalArgumentException for ragged rows, non-finite values or bad names
     */
    public static Covariates of(double[][] x, List<String> names) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("need at least one row of covariates, got none");
        }
        List<String> checked = checkNames(names);
        int p = checked.size();
        double[] flat = new double[Math.multiplyExact(x.length, p)];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != p) {
                throw new IllegalArgumentException("row " + i + " has " + (x[i] == null ? 0 : x[i].length)
                        + " values; every row needs one per name (" + p + ")");
            }
            System.arraycopy(x[i], 0, flat, i * p, p);
        }
        checkFinite(flat, p);
        return new Covariates(flat, x.length, checked);
    }

    /** Covariates from an {@code n × p} array (copied), with columns named {@code x1 … xp}. */
    public static Covariates of(double[][] x) {
        if (x == null || x.length == 0 || x[0] == null) {
            throw new IllegalArgumentException("need at least one row of covariates, got none");
        }
        return of(x, defaultNames(x[0].length));
    }

    /**
     * Covariates from row-major values (copied): value {@code (i, j)} is {@code values[i * p + j]}
     * with {@code p = names.size()}.
     *
     * @throws IllegalArgumentException when the length is not a positive multiple of {@code p}, or
     *                                  for non-finite values or bad names
     */
    public static Covariates ofRowMajor(double[] values, List<String> names) {
        List<String> checked = checkNames(names);
        int p = checked.size();
        if (values == null || values.length == 0 || values.length % p != 0) {
            throw new IllegalArgumentException((values == null ? 0 : values.length) + " values do not fill whole rows of "
                    + p + " columns; need a positive multiple of " + p);
        }
        double[] flat = values.clone();
        checkFinite(flat, p);
        return new Covariates(flat, flat.length / p, checked);
    }

    /**
     * One 0/1 column per category (a one-hot encoding), named by the categories. All levels are
     * kept, so every category shows up in balance tables; the columns sum to 1 in every row, a
     * linear dependency {@link EntropyBalancing} handles (see there). Encode treated and control
     * units with the same {@code categoryNames}.
     *
     * @param categories    category of each unit, in {@code 0 … categoryNames.size()−1}
     * @param categoryNames distinct, non-blank names, at least one
     * @throws IllegalArgumentException for a category out of range or bad names
     */
    public static Covariates oneHot(int[] categories, List<String> categoryNames) {
        if (categories == null || categories.length == 0) {
            throw new IllegalArgumentException("need at least one unit's category, got none");
        }
        List<String> checked = checkNames(categoryNames);
        int k = checked.size();
        double[] flat = new double[Math.multiplyExact(categories.length, k)];
        for (int i = 0; i < categories.length; i++) {
            int c = categories[i];
            if (c < 0 || c >= k) {
                throw new IllegalArgumentException("unit " + i + " has category " + c + "; categories must be in 0.."
                        + (k - 1) + " (one per name)");
            }
            flat[i * k + c] = 1.0;
        }
        return new Covariates(flat, categories.length, checked);
    }

    /**
     * These columns followed by the square of every column, named {@code name²}, so that balancing
     * matches second moments as well as means (equal means and second moments give equal
     * variances). Squares of 0/1 columns equal the columns themselves; they are kept here (the
     * same columns whatever the data) and are harmless duplicates for the solver. {@link
     * Moments#MEANS_AND_VARIANCES} adds squares only for columns that are not 0/1.
     */
    public Covariates withSquares() {
        return squaring(allColumns());
    }

    /**
     * These columns followed by those of {@code other} (same number of rows, names distinct across both).
     *
     * @throws IllegalArgumentException when the row counts differ or a name repeats
     */
    public Covariates withColumns(Covariates other) {
        if (other.rows != rows) {
            throw new IllegalArgumentException("cannot join " + rows + " rows with " + other.rows
                    + " rows; both need the same units in the same order");
        }
        List<String> joined = new ArrayList<>(names);
        joined.addAll(other.names);
        List<String> checked = checkNames(joined);
        int p = checked.size();
        double[] flat = new double[Math.multiplyExact(rows, p)];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(values, i * cols, flat, i * p, cols);
            System.arraycopy(other.values, i * other.cols, flat, i * p + cols, other.cols);
        }
        return new Covariates(flat, rows, checked);
    }

    /**
     * The rows at the given indices, in that order (repeats allowed).
     *
     * @throws IllegalArgumentException for an empty selection or an index out of range
     */
    public Covariates rows(int[] indices) {
        if (indices == null || indices.length == 0) {
            throw new IllegalArgumentException("need at least one row index, got none");
        }
        double[] flat = new double[Math.multiplyExact(indices.length, cols)];
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            if (i < 0 || i >= rows) {
                throw new IllegalArgumentException("row index " + i + " is outside 0.." + (rows - 1));
            }
            System.arraycopy(values, i * cols, flat, r * cols, cols);
        }
        return new Covariates(flat, indices.length, names);
    }

    /** Number of units (rows). */
    public int size() {
        return rows;
    }

    /** Number of columns (moment functions). */
    public int dimension() {
        return cols;
    }

    /** Column names, in column order (unmodifiable). */
    public List<String> names() {
        return names;
    }

    /** Value of column {@code j} for unit {@code i}. */
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") is outside " + rows + " × " + cols);
        }
        return values[i * cols + j];
    }

    /** A copy of unit {@code i}'s row. */
    public double[] row(int i) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException("row " + i + " is outside 0.." + (rows - 1));
        }
        return Arrays.copyOfRange(values, i * cols, (i + 1) * cols);
    }

    /** A copy of column {@code j}. */
    public double[] column(int j) {
        if (j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("column " + j + " is outside 0.." + (cols - 1));
        }
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = values[i * cols + j];
        }
        return c;
    }

    /** A copy as an {@code n × p} array. */
    public double[][] values() {
        double[][] x = new double[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = Arrays.copyOfRange(values, i * cols, (i + 1) * cols);
        }
        return x;
    }

    /** The mean of every column (unweighted). */
    public double[] means() {
        double[] m = new double[cols];
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                m[j] += values[base + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            m[j] /= rows;
        }
        return m;
    }

    /** The weighted mean of every column; weights must be non-negative with a positive sum. */
    public double[] means(double[] weights) {
        if (weights == null || weights.length != rows) {
            throw new IllegalArgumentException((weights == null ? 0 : weights.length) + " weights for " + rows
                    + " rows; need one per row");
        }
        double total = Balance.checkedSum(weights);
        double[] m = new double[cols];
        for (int i = 0; i < rows; i++) {
            double w = weights[i];
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                m[j] += w * values[base + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            m[j] /= total;
        }
        return m;
    }

    @Override
    public String toString() {
        return "Covariates[" + rows + " × " + cols + ": " + (cols <= 8 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 8)) + ", …") + "]";
    }

    /** The row-major values themselves (not a copy); for this package's solvers only. */
    double[] data() {
        return values;
    }

    /** True when every value of column {@code j} is 0 or 1. */
    boolean isBinary(int j) {
        for (int i = 0; i < rows; i++) {
            double v = values[i * cols + j];
            if (v != 0.0 && v != 1.0) {
                return false;
            }
        }
        return true;
    }

    /** These columns followed by the squares of the listed columns. */
    Covariates squaring(int[] squared) {
        List<String> all = new ArrayList<>(names);
        for (int j : squared) {
            all.add(names.get(j) + "²");
        }
        List<String> checked = checkNames(all);
        int p = checked.size();
        double[] flat = new double[Math.multiplyExact(rows, p)];
        for (int i = 0; i < rows; i++) {
            int src = i * cols;
            int dst = i * p;
            System.arraycopy(values, src, flat, dst, cols);
            for (int s = 0; s < squared.length; s++) {
                double v = values[src + squared[s]];
                flat[dst + cols + s] = v * v;
            }
        }
        return new Covariates(flat, rows, checked);
    }

    private int[] allColumns() {
        int[] all = new int[cols];
        for (int j = 0; j < cols; j++) {
            all[j] = j;
        }
        return all;
    }

    static List<String> defaultNames(int p) {
        List<String> n = new ArrayList<>(p);
        for (int j = 1; j <= p; j++) {
            n.add("x" + j);
        }
        return n;
    }

    private static List<String> checkNames(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("need at least one column name, got none");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("column names must be non-blank, got " + names);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("column name '" + name + "' appears twice; names must be distinct");
            }
        }
        return List.copyOf(names);
    }

    private static void checkFinite(double[] flat, int p) {
        for (int k = 0; k < flat.length; k++) {
            if (!Double.isFinite(flat[k])) {
                throw new IllegalArgumentException("value at row " + (k / p) + ", column " + (k % p) + " is " + flat[k]
                        + "; covariates must be finite");
            }
        }
    }
}
