package org.bakusoku.model.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bakusoku.model.store.AtomicFiles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Builds the child validator's plain class path from the running bundles, once per bundle revision: each bundle's
 * entries are copied into a folder {@code <cache>/<symbolic name>_<version>_<last modified>/}.
 *
 * <p>The child reuses the detector bundle's loader and detector, so that validation runs exactly the live code, with
 * everything that bundle is wired to. Among those is JavaCPP, whose TFLite classes and natives live in fragments of
 * {@code org.bytedeco.javacpp}: {@link Bundle#findEntries} on the host includes the entries of its attached
 * fragments, so the host's folder holds all three. Natives of other platforms are skipped (half the size). Last
 * comes the child's own package of this bundle.
 */
final class ValidatorClassPath {

    /** Symbolic name of the detector bundle. */
    static final String DETECTOR = "org.bakusoku.detect.tflite";
    /** The only package of this bundle the child needs. */
    static final String CHILD_PACKAGE = "/org/bakusoku/model/isolate/child/";
    /** JavaCPP's platform folder names, e.g. {@code linux-x86_64}. */
    private static final Pattern PLATFORM = Pattern.compile("/(linux|macosx|windows|android|ios)-[a-z0-9_]+/");

    private ValidatorClassPath() {
    }

    /**
     * @param context this bundle's context
     * @param cache   folder for the materialized bundles
     * @return the class path entries: the detector bundle, every bundle it imports packages from (transitively,
     *         the framework excepted), and the child's package of this bundle
     * @throws IOException if the detector bundle is missing or a bundle cannot be copied
     */
    static List<Path> build(BundleContext context, Path cache) throws IOException {
        List<Path> classPath = new ArrayList<>();
        for (Bundle bundle : withDependencies(byName(context, DETECTOR))) {
            classPath.add(materialize(bundle, cache, "/"));
        }
        classPath.add(materialize(context.getBundle(), cache, CHILD_PACKAGE));
        return classPath;
    }

    /**
     * Follows the package wires from the detector bundle: JavaCPP's host (a fragment's packages are wired to its
     * host), the API, slf4j-api, Jackson, ... so the child gets what the detector really uses, whatever it is.
     */
    private static Set<Bundle> withDependencies(Bundle root) throws IOException {
        Set<Bundle> seen = new LinkedHashSet<>();
        Deque<Bundle> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Bundle b = todo.pop();
            if (b.getBundleId() == 0 || !seen.add(b)) {
                continue;
            }
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (wiring == null) {
                throw new IOException("bundle " + b.getSymbolicName() + " is not resolved; models cannot be validated");
            }
            for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
                todo.add(wire.getProvider().getBundle());
            }
        }
        return seen;
    }

    private static Bundle byName(BundleContext context, String symbolicName) throws IOException {
        Bundle best = null;
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED
                    && (best == null || b.getVersion().compareTo(best.getVersion()) > 0)) {
                best = b;
            }
        }
        if (best == null) {
            throw new IOException("bundle " + symbolicName + " is not installed; models cannot be validated");
        }
        return best;
    }

    /** Copies a bundle's entries below {@code root} into its cache folder unless that revision is there already. */
    private static Path materialize(Bundle bundle, Path cache, String root) throws IOException {
        if (bundle == null) {
            throw new IOException("a bundle the validator needs is missing");
        }
        Path target = cache.resolve(bundle.getSymbolicName() + "_" + bundle.getVersion() + "_"
                + bundle.getLastModified());
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(cache);
        Path temp = cache.resolve(".tmp-" + UUID.randomUUID());
        try {
            String own = "/" + platform() + "/";
            Enumeration<URL> entries = bundle.findEntries(root, "*", true);
            while (entries != null && entries.hasMoreElements()) {
                URL url = entries.nextElement();
                String path = url.getPath();
                var other = PLATFORM.matcher(path);
                if (path.endsWith("/") || other.find() && !other.group().equals(own)) {
                    continue;
                }
                Path file = temp.resolve(path.substring(1));
                Files.createDirectories(file.getParent());
                try (InputStream in = url.openStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.createDirectories(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            AtomicFiles.deleteTree(temp);
        }
        return target;
    }

    /** @return JavaCPP's name of this platform, e.g. {@code linux-x86_64} or {@code linux-arm64} */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.startsWith("mac") ? "macosx" : os.startsWith("windows") ? "windows" : "linux";
        String archName = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        return osName + "-" + archName;
    }

    /** Removes cached revisions other than those in use; called after a successful build. */
    static void prune(Path cache, List<Path> inUse) throws IOException {
        if (!Files.isDirectory(cache)) {
            return;
        }
        try (var dirs = Files.list(cache)) {
            for (Path dir : dirs.sorted(Comparator.naturalOrder()).toList()) {
                if (Files.isDirectory(dir) && !inUse.contains(dir)) {
                    AtomicFiles.deleteTree(dir);
                }
            }
        }
    }
}
