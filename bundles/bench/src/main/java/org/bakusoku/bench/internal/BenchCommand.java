package org.bakusoku.bench.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.bakusoku.bench.Bench;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code java -jar bakusoku.jar bench ...} into a run of {@link Bench} that exits with its code.
 *
 * <p>How: bnd's launcher ({@code aQute.launcher.Launcher}, biz.aQute.launcher 7.1) registers itself as a service
 * whose property {@value #LAUNCHER_ARGUMENTS} holds the program arguments, and after starting the bundles it calls a
 * {@code Callable<Integer>} service registered with {@code main.thread=true} on the main thread, then stops the
 * framework and exits with the returned value. Without the word {@code bench} (the appliance) this component
 * registers nothing and the launcher keeps waiting as before.
 *
 * <p>The framework starts every bundle before the main thread runs, so the web server, camera and pipeline do start
 * briefly; the bench stops them transiently ({@link Bundle#STOP_TRANSIENT}: their persistent start setting is kept)
 * before measuring, so that nothing serves or computes beside it.
 */
@Component(immediate = true)
public final class BenchCommand {

    /** Service property of the launcher service: {@code String[]} of the program arguments. */
    static final String LAUNCHER_ARGUMENTS = "launcher.arguments";
    /** Service property that makes the launcher call a Runnable/Callable on its main thread. */
    static final String MAIN_THREAD = "main.thread";

    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);
    /**
     * Our bundles that keep running: API, this one, the configuration store, logging, and the CPU bundle, so that the
     * bench measures under the appliance's governor with its thermal guard on (its monitor samples sysfs rarely).
     */
    private static final Set<String> KEEP = Set.of("org.bakusoku.api", "org.bakusoku.bench", "org.bakusoku.defaults",
            "org.bakusoku.logging.config", "org.bakusoku.cpu");
    private static final long START_WAIT_MS = 30_000;

    private final ServiceRegistration<?> registration;

    /**
     * Registers the main-thread service when the program arguments start with {@code bench}.
     *
     * @param context this bundle's context
     */
    @Activate
    public BenchCommand(BundleContext context) {
        String[] args = launcherArguments(context);
        if (args.length == 0 || !args[0].equals("bench")) {
            registration = null;
            return;
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(MAIN_THREAD, Boolean.TRUE);
        registration = context.registerService(Callable.class.getName(), new MainThread(context, args), props);
        LOG.info("bench requested: it runs on the launcher's main thread once the framework has started");
    }

    /** Withdraws the main-thread service. */
    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
    }

    /**
     * @param symbolicName a bundle's symbolic name
     * @return true for bundles that compute or serve (our capability bundles, the HTTP server, the console)
     */
    static boolean stopsForBench(String symbolicName) {
        if (symbolicName == null) {
            return false;
        }
        return symbolicName.startsWith("org.bakusoku.") && !KEEP.contains(symbolicName)
                || symbolicName.startsWith("org.apache.felix.http.jetty")
                || symbolicName.startsWith("org.apache.felix.webconsole");
    }

    private static String[] launcherArguments(BundleContext context) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(" + LAUNCHER_ARGUMENTS + "=*)");
            if (refs != null && refs[0].getProperty(LAUNCHER_ARGUMENTS) instanceof String[] args) {
                return args;
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter", e);
        }
        return new String[0]; // not started by bnd's launcher (e.g. an integration test)
    }

    /** The launcher calls {@link #call()} on the main thread; its declared return type must be Integer. */
    static final class MainThread implements Callable<Integer> {
        private final BundleContext context;
        private final String[] args;

        MainThread(BundleContext context, String[] args) {
            this.context = context;
            this.args = args.clone();
        }

        @Override
        public Integer call() throws InterruptedException {
            awaitStartLevels();
            stopAppliance();
            return Bench.command(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
        }

        /** Waits until every bundle's start level is reached, so that no bundle starts during the bench. */
        private void awaitStartLevels() throws InterruptedException {
            FrameworkStartLevel framework = context.getBundle(Constants.SYSTEM_BUNDLE_ID)
                    .adapt(FrameworkStartLevel.class);
            int highest = 1;
            for (Bundle b : context.getBundles()) {
                BundleStartLevel level = b.adapt(BundleStartLevel.class);
                if (level != null && b.getBundleId() != Constants.SYSTEM_BUNDLE_ID) {
                    highest = Math.max(highest, level.getStartLevel());
                }
            }
            long giveUp = System.currentTimeMillis() + START_WAIT_MS;
            while (framework.getStartLevel() < highest && System.currentTimeMillis() < giveUp) {
                Thread.sleep(50);
            }
        }

        private void stopAppliance() {
            List<String> stopped = new ArrayList<>();
            Bundle[] bundles = context.getBundles();
            for (int i = bundles.length - 1; i >= 0; i--) {
                Bundle b = bundles[i];
                boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
                if (!fragment && b.getState() == Bundle.ACTIVE && stopsForBench(b.getSymbolicName())) {
                    try {
                        b.stop(Bundle.STOP_TRANSIENT);
                        stopped.add(b.getSymbolicName());
                    } catch (BundleException | IllegalStateException e) {
                        LOG.warn("bench: could not stop {}: {}", b.getSymbolicName(), e.getMessage());
                    }
                }
            }
            LOG.info("bench: stopped for the measurement (transiently): {}", stopped);
        }
    }
}
