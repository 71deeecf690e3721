package com.hummdesk.ai.local;

/** Solves A X = B for a symmetric positive-definite A (a kernel matrix plus a ridge). */
final class Cholesky {
    private Cholesky() {}

    /** Overwrites a with its Cholesky factor and b with the solution X. */
    static void solveInPlace(double[][] a, double[][] b) {
        int n = a.length;
        for (int j = 0; j < n; j++) {
            var rowJ = a[j];
            double diagonal = rowJ[j];
            for (int k = 0; k < j; k++) {
                diagonal -= rowJ[k] * rowJ[k];
            }
            if (diagonal <= 0) {
                throw new IllegalArgumentException("matrix is not positive definite");
            }
            double l = Math.sqrt(diagonal);
            rowJ[j] = l;
            for (int i = j + 1; i < n; i++) {
                var rowI = a[i];
                double sum = rowI[j];
                for (int k = 0; k < j; k++) {
                    sum -= rowI[k] * rowJ[k];
                }
                rowI[j] = sum / l;
            }
        }
        int m = b[0].length;
        // Forward substitution L Y = B, then back substitution L^T X = Y.
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < i; k++) {
                double f = a[i][k];
                for (int c = 0; c < m; c++) {
                    b[i][c] -= f * b[k][c];
                }
            }
            for (int c = 0; c < m; c++) {
                b[i][c] /= a[i][i];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int k = i + 1; k < n; k++) {
                double f = a[k][i];
                for (int c = 0; c < m; c++) {
                    b[i][c] -= f * b[k][c];
                }
            }
            for (int c = 0; c < m; c++) {
                b[i][c] /= a[i][i];
            }
        }
    }
}
