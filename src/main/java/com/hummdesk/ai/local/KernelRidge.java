package com.hummdesk.ai.local;

/**
 * A few-shot classifier: kernel ridge regression onto one-hot labels, trained in-process in well under a second.
 * The kernel is exp(gamma * (cos_embedding + w * cos_lexical - (1 + w))), an RBF on a blend of the centred
 * sentence embeddings and the TF-IDF vectors. On banking77 it beat nearest-centroid, kNN and a blended score by
 * 2-4 points at 5-20 examples per label and matched softmax regression at a fraction of the training cost; it
 * also retrains from scratch fast enough that new examples simply mean a new model.
 */
final class KernelRidge {
    /** lexicalWeight = w above (0 ignores the lexical vectors), gamma = RBF width, lambda = ridge. */
    record Params(double lexicalWeight, double gamma, double lambda) {}

    private final Params params;
    private final float[] mean;
    private final float[][] centred;
    private final SparseVector[] lexical;
    private final double[][] alpha;
    private final int classes;

    private KernelRidge(
            Params params, float[] mean, float[][] centred, SparseVector[] lexical, double[][] alpha, int classes) {
        this.params = params;
        this.mean = mean;
        this.centred = centred;
        this.lexical = lexical;
        this.alpha = alpha;
        this.classes = classes;
    }

    /** Trains on unit embeddings and lexical vectors (same order) labelled 0..classes-1. */
    static KernelRidge fit(float[][] embeddings, SparseVector[] lexical, int[] labels, int classes, Params params) {
        int n = embeddings.length;
        // Centring removes the direction all MiniLM vectors share, so cosines spread over a wider range.
        var mean = new float[embeddings[0].length];
        for (var e : embeddings) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += e[d] / n;
            }
        }
        var centred = new float[n][];
        for (int i = 0; i < n; i++) {
            centred[i] = centre(embeddings[i], mean);
        }
        var gram = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double k = kernel(params, centred[i], lexical[i], centred[j], lexical[j]);
                gram[i][j] = k;
                gram[j][i] = k;
            }
            gram[i][i] += params.lambda();
        }
        var targets = new double[n][classes];
        for (int i = 0; i < n; i++) {
            targets[i][labels[i]] = 1;
        }
        Cholesky.solveInPlace(gram, targets);
        return new KernelRidge(params, mean, centred, lexical, targets, classes);
    }

    /** One score per class (about 1 for a clear match, near 0 for none). */
    double[] scores(float[] embedding, SparseVector lexicalVector) {
        var q = centre(embedding, mean);
        // The query's lexical vector spread out densely, so each example's dot product is a gather, not a merge.
        var dense = new float[lexicalVector.indices().length == 0 ? 0 : lastIndex(lexicalVector) + 1];
        for (int j = 0; j < lexicalVector.indices().length; j++) {
            dense[lexicalVector.indices()[j]] = lexicalVector.values()[j];
        }
        var out = new double[classes];
        for (int i = 0; i < centred.length; i++) {
            double lexicalSimilarity = params.lexicalWeight() == 0 ? 0 : gather(lexical[i], dense);
            double similarity = SentenceEncoder.dot(q, centred[i]) + params.lexicalWeight() * lexicalSimilarity;
            double k = Math.exp(params.gamma() * (similarity - 1 - params.lexicalWeight()));
            var a = alpha[i];
            for (int c = 0; c < classes; c++) {
                out[c] += k * a[c];
            }
        }
        return out;
    }

    private static int lastIndex(SparseVector v) {
        return v.indices()[v.indices().length - 1];
    }

    private static float gather(SparseVector v, float[] dense) {
        float sum = 0;
        var indices = v.indices();
        var values = v.values();
        for (int j = 0; j < indices.length; j++) {
            int index = indices[j];
            if (index < dense.length) {
                sum += values[j] * dense[index];
            }
        }
        return sum;
    }

    private static double kernel(Params p, float[] a, SparseVector la, float[] b, SparseVector lb) {
        double lexical = p.lexicalWeight() == 0 ? 0 : la.dot(lb);
        double similarity = SentenceEncoder.dot(a, b) + p.lexicalWeight() * lexical;
        return Math.exp(p.gamma() * (similarity - 1 - p.lexicalWeight()));
    }

    private static float[] centre(float[] v, float[] mean) {
        var out = new float[v.length];
        for (int d = 0; d < v.length; d++) {
            out[d] = v[d] - mean[d];
        }
        return SentenceEncoder.normalize(out);
    }
}
