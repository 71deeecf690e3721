package com.hummdesk.ai.local;

/** A unit-length sparse vector: feature indices in ascending order and their weights. */
record SparseVector(int[] indices, float[] values) {
    static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    float dot(SparseVector other) {
        float sum = 0;
        int i = 0;
        int j = 0;
        while (i < indices.length && j < other.indices.length) {
            int a = indices[i];
            int b = other.indices[j];
            if (a == b) {
                sum += values[i++] * other.values[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }
}
