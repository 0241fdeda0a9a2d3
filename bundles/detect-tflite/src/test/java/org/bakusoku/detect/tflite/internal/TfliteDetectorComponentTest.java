package org.bakusoku.detect.tflite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.bakusoku.detect.Detection;
import org.bakusoku.detect.DetectorException;
import org.bakusoku.detect.PreparedInput;
import org.bakusoku.detect.tflite.SharedData;
import org.bakusoku.frame.Frame;
import org.bakusoku.model.ModelInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DS wrapper driven as plain Java: live threshold, model swap, bad values and failed loads keep the last good. */
class TfliteDetectorComponentTest {

    private static final String COCO = SharedData.model("ssd_mobilenet_v1_coco_quant").toString();
    private static final String FACE = SharedData.model("ssdlite_mobilenet_v2_face_float_input").toString();

    private static Frame messi;
    private static Frame astronaut;

    private TfliteDetectorComponent component;

    @BeforeAll
    static void images() throws Exception {
        messi = SharedData.frame("opencv_messi5.jpg");
        astronaut = SharedData.frame("skimage_astronaut.png");
    }

    @AfterEach
    void deactivate() {
        if (component != null) {
            component.deactivate();
        }
    }

    /** A Config whose attributes are the annotation defaults, overridden by {@code values} (method name keys). */
    private static TfliteDetectorComponent.Config config(Map<String, Object> values) {
        return (TfliteDetectorComponent.Config) Proxy.newProxyInstance(TfliteDetectorComponent.Config.class.getClassLoader(),
                new Class<?>[] {TfliteDetectorComponent.Config.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }

    private static Map<String, Object> coco(float threshold) {
        Map<String, Object> values = new HashMap<>();
        values.put("model_path", COCO);
        values.put("threads", 1);
        values.put("score_threshold", threshold);
        return values;
    }

    private float topPersonScore() throws DetectorException {
        return (float) component.detect(messi).detections().stream().filter(d -> d.label().equals("person"))
                .mapToDouble(Detection::score).max().orElse(0);
    }

    @Test
    void scoreThresholdChangesLiveWithoutReloading() throws Exception {
        component = new TfliteDetectorComponent(config(coco(0.5f)));
        ModelInfo loaded = component.model();
        assertThat(topPersonScore()).isGreaterThanOrEqualTo(0.7f);

        component.modified(config(coco(0.95f)));
        assertThat(component.detect(messi).detections()).isEmpty();
        assertThat(component.model()).isSameAs(loaded);

        component.modified(config(coco(1.5f))); // out of range: logged, 0.95 stays
        assertThat(component.detect(messi).detections()).isEmpty();
        component.modified(config(coco(0.5f)));
        assertThat(topPersonScore()).isGreaterThanOrEqualTo(0.7f);
    }

    @Test
    void newModelIsSwappedInAndAFailedLoadKeepsTheCurrentOne() throws Exception {
        component = new TfliteDetectorComponent(config(coco(0.5f)));
        assertThat(component.model().name()).isEqualTo("ssd_mobilenet_v1_coco_quant");

        Map<String, Object> face = coco(0.9f);
        face.put("model_path", FACE);
        face.put("model_name", "faces");
        component.modified(config(face));
        assertThat(component.model().name()).isEqualTo("faces");
        assertThat(component.model().id()).isEqualTo("9ddacb617004");
        assertThat(component.detect(astronaut).detections()).singleElement()
                .satisfies(d -> assertThat(d.label()).isEqualTo("face"));

        Map<String, Object> classifier = coco(0.5f);
        classifier.put("model_path", SharedData.model("mobilenet_v1_025_128_quant_imagenet").toString());
        component.modified(config(classifier));
        Map<String, Object> missing = coco(0.5f);
        missing.put("model_path", FACE + ".missing");
        component.modified(config(missing));
        assertThat(component.model().name()).isEqualTo("faces");
        assertThat(component.detect(astronaut).detections()).singleElement()
                .satisfies(d -> assertThat(d.label()).isEqualTo("face"));
    }

    @Test
    void activationFailsOnAClassifierSoNoBrokenDetectorIsRegistered() {
        Map<String, Object> classifier = coco(0.5f);
        classifier.put("model_path", SharedData.model("mobilenet_v1_025_128_quant_imagenet").toString());
        assertThatThrownBy(() -> new TfliteDetectorComponent(config(classifier)))
                .isInstanceOf(DetectorException.class).hasMessageContaining("is not a detection model");
        Map<String, Object> badThreads = coco(0.5f);
        badThreads.put("threads", 65);
        assertThatThrownBy(() -> new TfliteDetectorComponent(config(badThreads)))
                .isInstanceOf(DetectorException.class).hasMessageContaining("threads must be");
    }

    @Test
    void anInputPreparedBeforeAModelSwapIsStillAnalysedWithTheNewModel() throws Exception {
        component = new TfliteDetectorComponent(config(coco(0.5f)));
        PreparedInput input = new PreparedInput();
        component.prepare(astronaut, input); // the pipeline prepares the next frame for COCO ...
        Map<String, Object> face = coco(0.9f);
        face.put("model_path", FACE);
        component.modified(config(face)); // ... while the model is swapped for the float-input face model
        assertThat(component.detect(input).detections()).singleElement()
                .satisfies(d -> assertThat(d.label()).isEqualTo("face"));
        component.deactivate();
        assertThatThrownBy(() -> component.prepare(astronaut, input)).hasMessageContaining("stopped");
        component = null;
    }

    @Test
    void deactivationClosesTheModel() throws Exception {
        component = new TfliteDetectorComponent(config(coco(0.5f)));
        component.deactivate();
        assertThatThrownBy(() -> component.detect(messi)).isInstanceOf(DetectorException.class)
                .hasMessageContaining("stopped");
        assertThat(component.model().name()).isEqualTo("ssd_mobilenet_v1_coco_quant");
        component = null;
    }
}
