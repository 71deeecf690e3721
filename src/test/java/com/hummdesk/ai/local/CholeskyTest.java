package com.hummdesk.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CholeskyTest {
    @Test
    void solves_a_positive_definite_system() {
        var a = new double[][] {{4, 2, 0}, {2, 5, 1}, {0, 1, 3}};
        var b = new double[][] {{8}, {15}, {11}};

        Cholesky.solveInPlace(a, b);

        // 4x + 2y = 8, 2x + 5y + z = 15, y + 3z = 11  ->  x = 1, y = 2, z = 3
        assertThat(b[0][0]).isCloseTo(1, within(1e-9));
        assertThat(b[1][0]).isCloseTo(2, within(1e-9));
        assertThat(b[2][0]).isCloseTo(3, within(1e-9));
    }
}
