package org.bakusoku.pipeline.internal;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.bakusoku.detect.Detector;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector service as the pipeline threads see it: got from the framework at first use and again after a
 * failure, released when the service goes away.
 *
 * <p>Why not a plain DS field reference: the detector is a delayed component that throws from its constructor when
 * its model cannot be loaded (a missing file at the very first start, before the image's configuration replaces the
 * built-in one). DS then binds nothing, and when a new configuration later lets the detector start, the service
 * registration is only modified, so a field reference could stay empty for good (seen in the QEMU boot test, where
 * loading the model takes about 10 s). Holding the
 * {@link ServiceReference} and asking for the service ourselves retries: at once when the service's properties
 * change (its configuration did), else every {@value #RETRY_MS} ms.
 *
 * <p>Thread-safe: called per frame by both pipeline threads and by SCR's bind, updated and unbind. The framework
 * call that may activate the detector (and load a model, seconds) is made outside this object's lock.
 */
final class DetectorHandle implements Supplier<Detector> {

    /**
     * Pause between two attempts to get a detector that failed to activate, ms. Long, because each failure makes
     * the framework log an error with a stack trace; a configuration change retries at once anyway.
     */
    static final long RETRY_MS = 15_000;

    private static final Logger LOG = LoggerFactory.getLogger(DetectorHandle.class);

    private final BundleContext context;
    private final LongSupplier clockMs;
    private ServiceReference<Detector> reference;
    private Detector service;
    private long nextAttemptMs;

    /**
     * @param context the pipeline bundle's context, through which the service is got and released
     * @param clockMs monotonic clock, ms
     */
    DetectorHandle(BundleContext context, LongSupplier clockMs) {
        this.context = context;
        this.clockMs = clockMs;
    }

    /** @param ref the detector service to use from now on (replaces the current one, which is released) */
    void bind(ServiceReference<Detector> ref) {
        release(ref);
    }

    /** @param ref a bound detector whose properties changed: if it failed before, the next frame tries again */
    synchronized void updated(ServiceReference<Detector> ref) {
        if (ref.equals(reference) && service == null) {
            nextAttemptMs = 0;
        }
    }

    /** @param ref a detector service going away; released if it is the one in use */
    void unbind(ServiceReference<Detector> ref) {
        Detector old;
        synchronized (this) {
            if (!ref.equals(reference)) {
                return;
            }
            old = service;
            reference = null;
            service = null;
        }
        if (old != null) {
            context.ungetService(ref);
        }
    }

    /** Releases the service in use; for deactivation. */
    void close() {
        release(null);
    }

    /**
     * @return the detector, or null while none is registered or the registered one fails to activate (then tried
     *         again after {@value #RETRY_MS} ms or when its configuration changes)
     */
    @Override
    public Detector get() {
        ServiceReference<Detector> ref;
        synchronized (this) {
            if (service != null || reference == null || clockMs.getAsLong() < nextAttemptMs) {
                return service;
            }
            ref = reference;
            nextAttemptMs = clockMs.getAsLong() + RETRY_MS; // one attempt at a time, across both threads
        }
        Detector got = context.getService(ref); // activates the detector component; null if it throws
        synchronized (this) {
            if (got != null && ref.equals(reference) && service == null) {
                service = got;
                return got;
            }
        }
        if (got != null) {
            context.ungetService(ref); // replaced while we were asking
        } else {
            LOG.debug("detector service {} not available yet; trying again in {} ms", ref, RETRY_MS);
        }
        return null;
    }

    private void release(ServiceReference<Detector> next) {
        ServiceReference<Detector> oldRef;
        Detector old;
        synchronized (this) {
            oldRef = reference;
            old = service;
            reference = next;
            service = null;
            nextAttemptMs = 0;
        }
        if (old != null) {
            context.ungetService(oldRef);
        }
    }
}
