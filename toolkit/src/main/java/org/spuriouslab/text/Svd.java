package org.spuriouslab.text;

/**
 * A truncated singular value decomposition {@code A ≈ U Σ Vᵀ} from {@link TruncatedSvd}.
 *
 * @param singularValues σ₁ ≥ σ₂ ≥ … ≥ σₖ
 * @param components     the right singular vectors as rows, {@code k × columns} (for TF-IDF: word loadings)
 * @param embedding      {@code A V = U Σ}, {@code rows × k}: each row's coordinates on the components
 */
public record Svd(double[] singularValues, double[][] components, double[][] embedding) {

    /** Number of components. */
    public int k() {
        return singularValues.length;
    }

    /** Coordinates of (new) rows on the components: {@code X V}, {@code rows × k}. */
    public double[][] transform(SparseMatrix x) {
        if (x.columns() != components[0].length) {
            throw new IllegalArgumentException("matrix has " + x.columns() + " columns, the components "
                    + components[0].length);
        }
        return x.times(TruncatedSvd.transpose(components));
    }

    /** The rank-k reconstruction {@code U Σ Vᵀ} as dense rows (use on small matrices only). */
    public double[][] reconstruct() {
        int n = embedding.length;
        int v = components[0].length;
        double[][] out = new double[n][v];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < k(); r++) {
                double e = embedding[i][r];
                for (int j = 0; j < v; j++) {
                    out[i][j] += e * components[r][j];
                }
            }
        }
        return out;
    }
}
