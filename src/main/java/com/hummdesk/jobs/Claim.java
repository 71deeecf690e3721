package com.hummdesk.jobs;

import java.time.Duration;

/**
 * A job a worker has just claimed: {@code reclaimed} when it was running under an expired lease (its worker died),
 * {@code waited} how long it was due before this claim (queue latency, measured on the database's clock).
 */
record Claim(Job job, boolean reclaimed, Duration waited) {}
