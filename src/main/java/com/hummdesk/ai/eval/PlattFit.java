package com.hummdesk.ai.eval;

import com.hummdesk.ai.local.Calibration;
import java.util.List;

/**
 * Fits Platt scaling, P(correct) = sigmoid(a + b * score + c * margin), by Newton's method on the log-loss with a
 * tiny ridge (three parameters, a few thousand points: converges in a handful of steps).
 */
final class PlattFit {
    private PlattFit() {}

    static Calibration fit(List<CalibrationPoint> points) {
        var w = new double[3];
        for (int iteration = 0; iteration < 50; iteration++) {
            var gradient = new double[3];
            var hessian = new double[3][3];
            for (var p : points) {
                var x = new double[] {1, p.score(), p.margin()};
                double z = w[0] * x[0] + w[1] * x[1] + w[2] * x[2];
                double prob = 1 / (1 + Math.exp(-z));
                double error = prob - (p.correct() ? 1 : 0);
                double weight = prob * (1 - prob);
                for (int i = 0; i < 3; i++) {
                    gradient[i] += error * x[i];
                    for (int j = 0; j < 3; j++) {
                        hessian[i][j] += weight * x[i] * x[j];
                    }
                }
            }
            for (int i = 0; i < 3; i++) {
                gradient[i] += 1e-3 * w[i];
                hessian[i][i] += 1e-3;
            }
            var step = solve3(hessian, gradient);
            double change = 0;
            for (int i = 0; i < 3; i++) {
                w[i] -= step[i];
                change += Math.abs(step[i]);
            }
            if (change < 1e-9) {
                break;
            }
        }
        return new Calibration(w[0], w[1], w[2]);
    }

    private static double[] solve3(double[][] a, double[] b) {
        var m = new double[3][4];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(a[i], 0, m[i], 0, 3);
            m[i][3] = b[i];
        }
        for (int col = 0; col < 3; col++) {
            int pivot = col;
            for (int r = col + 1; r < 3; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            var tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int r = 0; r < 3; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c < 4; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        return new double[] {m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]};
    }
}
