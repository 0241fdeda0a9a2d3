package org.bakusoku.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.concurrent.atomic.AtomicLong;

import org.bakusoku.detect.Detector;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

class DetectorHandleTest {

    private final BundleContext context = mock(BundleContext.class);
    private final AtomicLong clock = new AtomicLong(1_000);
    private final DetectorHandle handle = new DetectorHandle(context, clock::get);
    @SuppressWarnings("unchecked")
    private final ServiceReference<Detector> ref = mock(ServiceReference.class);
    private final Detector detector = mock(Detector.class);

    @Test
    void detectorThatFailedToActivateIsTriedAgainWhenItsConfigurationChanges() {
        when(context.getService(ref)).thenReturn(null, detector); // first: the model file was missing
        handle.bind(ref);

        assertThat(handle.get()).isNull();
        assertThat(handle.get()).as("no second attempt right away").isNull();
        verify(context, times(1)).getService(ref);

        handle.updated(ref); // the new configuration lets it start

        assertThat(handle.get()).isSameAs(detector);
        assertThat(handle.get()).isSameAs(detector);
        verify(context, times(2)).getService(ref);
    }

    @Test
    void detectorThatFailedIsTriedAgainAfterTheRetryPause() {
        when(context.getService(ref)).thenReturn(null, detector);
        handle.bind(ref);
        assertThat(handle.get()).isNull();

        clock.addAndGet(DetectorHandle.RETRY_MS - 1);
        assertThat(handle.get()).isNull();
        clock.addAndGet(1);
        assertThat(handle.get()).isSameAs(detector);
    }

    @Test
    void serviceIsReleasedWhenItGoesAwayOrIsReplaced() {
        @SuppressWarnings("unchecked")
        ServiceReference<Detector> better = mock(ServiceReference.class);
        Detector other = mock(Detector.class);
        when(context.getService(ref)).thenReturn(detector);
        when(context.getService(better)).thenReturn(other);
        handle.bind(ref);
        assertThat(handle.get()).isSameAs(detector);

        handle.bind(better); // greedy: a better ranked detector replaces it, then the old one is unbound
        handle.unbind(ref);
        verify(context).ungetService(ref);
        assertThat(handle.get()).isSameAs(other);

        handle.unbind(better);
        verify(context).ungetService(better);
        assertThat(handle.get()).isNull();
        handle.close();
        verify(context, times(1)).ungetService(better);
    }

    @Test
    void nothingIsAskedWithoutAService() {
        assertThat(handle.get()).isNull();
        handle.close();
        verify(context, never()).getService(ref);
    }
}
