package org.bakusoku.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;

/**
 * Turns the executable jar exported by bnd from {@code runtime/appliance.bndrun} into Pax Exam options, so
 * the bndrun stays the only list of bundles, start levels and run properties (../shared/design/PAXEXAM.md).
 *
 * <p>The jar's {@code launcher.properties} holds {@code launch.bundles} (paths of the nested bundle jars),
 * {@code launch.runbundles.attrs} ({@code bsn;version=..;startlevel=N}, same order) and the run properties.
 */
final class BndrunOptions {

    /** Run properties the test owns (storage, ports, logging) and therefore does not take from the bndrun. */
    private static final Set<String> OWNED_BY_TEST = Set.of("org.osgi.framework.storage",
            "org.osgi.framework.storage.clean", "org.osgi.framework.startlevel.beginning",
            "org.osgi.service.http.port", "org.osgi.service.http.port.secure", "logback.configurationFile");

    private BndrunOptions() {
    }

    /**
     * @param jar        the exported executable jar
     * @param extractDir where to copy the nested bundles (reused across calls when sizes match)
     * @return one provisioning option per bundle plus one framework property per run property
     * @throws IOException if the jar cannot be read
     */
    static List<Option> fromExportedJar(Path jar, Path extractDir) throws IOException {
        List<Option> options = new ArrayList<>();
        Files.createDirectories(extractDir);
        try (JarFile jf = new JarFile(jar.toFile())) {
            Properties launch = new Properties();
            try (InputStream in = jf.getInputStream(jf.getEntry("launcher.properties"))) {
                launch.load(in);
            }
            String[] paths = launch.getProperty("launch.bundles").split(",");
            List<String> attrs = splitAttrs(launch.getProperty("launch.runbundles.attrs", ""));
            for (int i = 0; i < paths.length; i++) {
                String path = paths[i].trim();
                ZipEntry entry = jf.getEntry(path);
                Path target = extractDir.resolve(Path.of(path).getFileName().toString());
                if (!Files.exists(target) || Files.size(target) != entry.getSize()) {
                    try (InputStream in = jf.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                UrlProvisionOption option = bundle(target.toUri().toString()).startLevel(startLevel(attrs, i));
                options.add(isFragment(target) ? option.noStart() : option);
            }
            for (Map.Entry<Object, Object> e : launch.entrySet()) {
                String key = (String) e.getKey();
                if (!key.startsWith("launch.") && !OWNED_BY_TEST.contains(key)) {
                    options.add(frameworkProperty(key).value(e.getValue()));
                }
            }
        }
        return options;
    }

    /** Splits {@code a;version="1,2";startlevel=1,b;...} on the commas outside quotes. */
    static List<String> splitAttrs(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static int startLevel(List<String> attrs, int index) {
        if (index < attrs.size()) {
            for (String part : attrs.get(index).split(";")) {
                if (part.startsWith("startlevel=")) {
                    return Integer.parseInt(part.substring("startlevel=".length()).trim());
                }
            }
        }
        return 1;
    }

    private static boolean isFragment(Path bundle) throws IOException {
        try (JarFile jf = new JarFile(bundle.toFile())) {
            Manifest mf = jf.getManifest();
            return mf != null && mf.getMainAttributes().getValue("Fragment-Host") != null;
        }
    }
}
