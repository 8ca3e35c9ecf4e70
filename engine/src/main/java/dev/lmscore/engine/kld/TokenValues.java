package dev.lmscore.engine.kld;

/**
 * Per scored token: the model's and the base's negative log-likelihood of the correct token, the
 * KL divergence of the model from the base, Δp (p_model − p_base of the correct token) and whether
 * both put the same token on top. Indexed by scored row in text order (chunk, then position), so
 * sums over them do not depend on batching or threads.
 */
public final class TokenValues {
    private final float[] nll;
    private final float[] nllBase;
    private final double[] kld;
    private final float[] pDiff;
    private final boolean[] sameTop;

    public TokenValues(int rows) {
        nll = new float[rows];
        nllBase = new float[rows];
        kld = new double[rows];
        pDiff = new float[rows];
        sameTop = new boolean[rows];
    }

    void set(int row, float nll, float nllBase, double kld, float pDiff, boolean sameTop) {
        this.nll[row] = nll;
        this.nllBase[row] = nllBase;
        this.kld[row] = kld;
        this.pDiff[row] = pDiff;
        this.sameTop[row] = sameTop;
    }

    public int size() {
        return nll.length;
    }

    public float nll(int row) {
        return nll[row];
    }

    public float nllBase(int row) {
        return nllBase[row];
    }

    public double kld(int row) {
        return kld[row];
    }

    public float pDiff(int row) {
        return pDiff[row];
    }

    public boolean sameTop(int row) {
        return sameTop[row];
    }

    /** The first {@code rows} rows (what an interrupted run compared). */
    TokenValues prefix(int rows) {
        TokenValues p = new TokenValues(rows);
        for (int r = 0; r < rows; r++) {
            p.set(r, nll[r], nllBase[r], kld[r], pDiff[r], sameTop[r]);
        }
        return p;
    }
}
