package org.bakusoku.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.bakusoku.detect.DetectTopics;
import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectionResult;
import org.bakusoku.relay.RelayController;
import org.bakusoku.relay.RelayState;
import org.bakusoku.relay.RelayTopics;
import org.junit.After;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The walking skeleton end to end, inside the real runtime: sample video → TFLite detector → DETECTED
 * events → rule → mock relay; the console and API behind the admin login; the detector bundle updated in
 * place while running. Methods run in name order and share one framework.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ApplianceIT extends ApplianceTestSupport {

    private static final String SAMPLE_VIDEO = "../shared/data/video/vtest_pedestrians_8s_mjpeg.avi";
    private static final String EMPTY_SCENE = "../shared/data/images/opencv_starry_night.jpg";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private RelayController relays;

    private final BlockingQueue<Event> detections = new LinkedBlockingQueue<>();
    private final BlockingQueue<Event> relayChanges = new LinkedBlockingQueue<>();
    private ServiceRegistration<EventHandler> registration;

    @Before
    public void listen() {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, new String[] {DetectTopics.DETECTED, RelayTopics.CHANGED});
        registration = context.registerService(EventHandler.class, event -> {
            (event.getTopic().equals(DetectTopics.DETECTED) ? detections : relayChanges).add(event);
        }, props);
    }

    @After
    public void unlisten() {
        registration.unregister();
    }

    @Test
    public void t1_detectsPeopleInTheSampleVideo() throws Exception {
        Event event = awaitPerson(60_000);
        assertNotNull("a DETECTED event with a person within 60 s of start", event);
        DetectionResult result = (DetectionResult) event.getProperty(DetectTopics.RESULT);
        Detection person = result.detections().stream().filter(d -> d.label().equals("person")).findFirst()
                .orElseThrow();
        assertTrue("score above the detector's threshold: " + person.score(), person.score() >= 0.5f);
        assertTrue("box normalized: " + person.box(),
                person.box().xmin() > -0.1f && person.box().xmax() < 1.1f && person.box().area() > 0f);
        assertEquals("ssd_mobilenet_v1_coco_quant", result.model().name());
        assertEquals(640, result.frame().width());
        assertEquals(480, result.frame().height());
        assertTrue("invoke time measured", result.timings().invokeMs() > 0);
    }

    @Test
    public void t2_relayPulsesOnAPersonAndReleasesAfterTheHold() throws Exception {
        // The rule may have switched the relay on before this test listened: ask the controller.
        RelayState on = awaitRelayOn(60_000);
        assertNotNull("relay alarm switched on by the person rule", on);
        assertEquals(17, on.bcmPin());
        assertTrue(on.reason(), on.reason().startsWith("rule person-alarm: person"));

        // Show the camera an empty scene: the person rule stops re-triggering and the pulse runs out.
        setCameraUrl(EMPTY_SCENE);
        long lastPersonMs = System.currentTimeMillis();
        Event off = null;
        long deadline = System.currentTimeMillis() + 20_000;
        while (off == null && System.currentTimeMillis() < deadline) {
            Event d = detections.poll(50, TimeUnit.MILLISECONDS);
            if (d != null && hasPerson(d)) {
                lastPersonMs = System.currentTimeMillis();
            }
            for (Event c; (c = relayChanges.poll()) != null;) {
                if (Boolean.FALSE.equals(c.getProperty(RelayTopics.ON))) {
                    off = c;
                }
            }
        }
        assertNotNull("relay alarm released once no person is seen", off);
        long heldMs = (Long) off.getProperty(RelayTopics.TIME) - lastPersonMs;
        assertTrue("released about hold.ms = 2000 ms after the last person, was " + heldMs + " ms",
                heldMs >= 1_500 && heldMs <= 4_000);
        setCameraUrl(SAMPLE_VIDEO);
    }

    @Test
    public void t3_consoleAndApiNeedTheGeneratedPassword() throws Exception {
        String base = baseUrl(context);
        String password = adminPassword();
        assertTrue("generated password is long: " + password.length(), password.length() >= 16);

        assertEquals(200, get(base + "/api/v1/health", null, null));
        for (String route : new String[] {"/system/console", "/system/console/bundles",
                "/system/console/detections", "/api/v1/detections/latest", "/api/v1/relays"}) {
            assertEquals(route + " without credentials", 401, get(base + route, null, null));
            assertEquals(route + " with admin/admin", 401, get(base + route, "admin", "admin"));
        }
        assertEquals(200, get(base + "/system/console/bundles", "admin", password));
        assertEquals(200, get(base + "/system/console/detections", "admin", password));
        assertEquals(200, get(base + "/api/v1/detections/latest", "admin", password));
        assertEquals(200, get(base + "/api/v1/relays", "admin", password));
    }

    @Test
    public void t4_detectorBundleIsUpdatedInPlaceAndDetectionsResume() throws Exception {
        assertNotNull("detecting before the update", awaitPerson(60_000));
        Bundle detector = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.bakusoku.detect.tflite")).findFirst().orElseThrow();
        Map<String, Long> othersBefore = lastModifiedOfOthers(detector);
        Path jar = Files.list(Paths.get(System.getProperty("itest.dir", "target"), "paxexam-bundles"))
                .filter(p -> p.getFileName().toString().startsWith("detect-tflite-")).findFirst()
                .orElseThrow();
        long before = detector.getLastModified();

        long updatedAt = System.currentTimeMillis();
        try (InputStream in = Files.newInputStream(jar)) {
            detector.update(in);
        }
        detections.clear();
        // A frame prepared just before the update may still be analysed once; wait for one captured after it.
        Event event = awaitPersonCapturedSince(updatedAt, updatedAt + 5_000);

        assertTrue("detector bundle got a new revision", detector.getLastModified() > before);
        assertEquals(Bundle.ACTIVE, detector.getState());
        assertNotNull("a person detected in a frame captured after the update, within 5 s of it", event);
        assertEquals("no other bundle was touched", othersBefore, lastModifiedOfOthers(detector));
    }

    @Test
    public void t5_detectorThatFailedToStartIsPickedUpOnceItsConfigurationIsFixed() throws Exception {
        Bundle detector = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.bakusoku.detect.tflite")).findFirst().orElseThrow();
        Configuration cfg = configAdmin.getConfiguration("org.bakusoku.detect.tflite", "?");
        Dictionary<String, Object> props = cfg.getProperties();
        String good = (String) props.get("model.path");
        // As at an image's very first start: the detector starts with a model path that does not exist, so its
        // activation fails when the pipeline asks for it; then the right configuration arrives.
        detector.stop();
        props.put("model.path", good + ".missing");
        cfg.update(props);
        detector.start();
        Thread.sleep(3_000);
        detections.clear();
        assertNull("no detections without a model", awaitPerson(2_000));

        long fixedAt = System.currentTimeMillis();
        props.put("model.path", good);
        cfg.update(props);
        Event event = awaitPersonCapturedSince(fixedAt, fixedAt + 15_000);
        assertNotNull("detections resume within 15 s of the configuration being fixed", event);
    }

    private Map<String, Long> lastModifiedOfOthers(Bundle except) {
        Map<String, Long> out = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() != except.getBundleId()) {
                out.put(b.getSymbolicName() + "#" + b.getState(), b.getLastModified());
            }
        }
        return out;
    }

    /** @return the first event with a person in a frame captured at or after {@code sinceMs}, or null by the deadline */
    private Event awaitPersonCapturedSince(long sinceMs, long deadlineMs) throws InterruptedException {
        while (System.currentTimeMillis() < deadlineMs) {
            Event e = awaitPerson(deadlineMs - System.currentTimeMillis());
            if (e != null && (Long) e.getProperty(DetectTopics.FRAME_TIME) >= sinceMs) {
                return e;
            }
        }
        return null;
    }

    private Event awaitPerson(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            Event e = detections.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && hasPerson(e)) {
                return e;
            }
        }
        return null;
    }

    private RelayState awaitRelayOn(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            RelayState state = relays.state("alarm").orElse(null);
            if (state != null && state.on()) {
                return state;
            }
            Thread.sleep(100);
        }
        return null;
    }

    private static boolean hasPerson(Event e) {
        return Arrays.asList((String[]) e.getProperty(DetectTopics.LABELS)).contains("person");
    }

    private void setCameraUrl(String url) throws Exception {
        Configuration cfg = configAdmin.getConfiguration("org.bakusoku.camera", "?");
        Dictionary<String, Object> props = cfg.getProperties() == null ? new Hashtable<>() : cfg.getProperties();
        props.put("url", url);
        cfg.update(props);
    }
}
