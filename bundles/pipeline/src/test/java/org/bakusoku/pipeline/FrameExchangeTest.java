package org.bakusoku.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bakusoku.detect.PreparedInput;
import org.junit.jupiter.api.Test;

/** The hand-over's buffer bookkeeping, and its wait for the inference thread (no timing assumed). */
class FrameExchangeTest {

    private final AtomicLong clock = new AtomicLong();
    private final FrameExchange exchange = new FrameExchange(2, clock::get);

    @Test
    void everyBufferIsInExactlyOnePlace() throws Exception {
        PreparedInput a = exchange.takeFree(0);
        PreparedInput b = exchange.takeFree(0);
        assertThat(a).isNotSameAs(b);
        assertThat(exchange.takeFree(0)).as("both taken").isNull();
        exchange.publish(a);
        assertThat(exchange.takeReady(0)).isSameAs(a);
        assertThat(exchange.inferring()).isTrue();
        assertThat(exchange.takeReady(0)).as("nothing else ready").isNull();
        exchange.giveBack(b);
        exchange.finished(a);
        assertThat(exchange.inferring()).isFalse();
        assertThat(exchange.freeCount()).isEqualTo(2);
    }

    @Test
    void preparationWaitsWhileAPublishedInputIsPendingAndGoesOnWhenItIsTaken() throws Exception {
        StageTiming noEstimate = new StageTiming();
        exchange.publish(exchange.takeFree(0));
        AtomicBoolean returned = new AtomicBoolean();
        Thread preparer = new Thread(() -> {
            try {
                exchange.awaitPrefetchTime(noEstimate, 60_000);
                returned.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        preparer.start();
        while (preparer.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait(); // until it waits on the exchange's condition
        }
        assertThat(returned).as("blocked while the input is pending").isFalse();
        exchange.takeReady(0); // the inference thread takes it; without an estimate, preparation starts at once
        preparer.join(60_000);
        assertThat(returned).isTrue();
    }

    @Test
    void withAnEstimateThePrefetchTimeDecidesAndAnIdleInferenceNeverWaits() throws Exception {
        StageTiming timing = new StageTiming();
        for (int i = 0; i < StageTiming.MIN_SAMPLES; i++) {
            timing.recordInference(100_000_000L);
            timing.recordPrepare(10_000_000L);
        }
        exchange.awaitPrefetchTime(timing, 60_000); // idle: returns at once
        exchange.publish(exchange.takeFree(0));
        exchange.takeReady(0); // inference starts at t = 0
        clock.set(timing.prefetchAt(0)); // exactly at the prefetch time: no wait
        exchange.awaitPrefetchTime(timing, 60_000);
        assertThat(timing.prefetchAt(0)).isEqualTo(100_000_000L - 10_000_000L - StageTiming.MARGIN_NANOS);
    }
}
