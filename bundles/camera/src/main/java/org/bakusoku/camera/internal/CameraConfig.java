package org.bakusoku.camera.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Camera settings (PID {@code org.bakusoku.camera}), shown on the console's Configuration page. */
@ObjectClassDefinition(id = CameraComponent.PID, name = "Bakusoku camera",
        description = "Where frames come from: the Raspberry Pi camera module, a USB webcam, an RTSP or HTTP MJPEG"
                + " network camera, or a video file / image folder. A change switches the source live; a bad value"
                + " is refused (logged) and the running source stays.")
public @interface CameraConfig {

    /** Default URL: the sample video, relative to the working directory (the repository root in development). */
    String DEFAULT_URL = "../shared/data/video/vtest_pedestrians_8s_mjpeg.avi";

    @AttributeDefinition(name = "Source", description = "auto: the camera module if rpicam-vid lists one, else the"
            + " first USB webcam, else the file in URL. csi: camera module (rpicam-vid). v4l2: USB webcam."
            + " rtsp / http-mjpeg: network camera (ffmpeg). file: video file or image folder.",
            options = { @Option(label = "auto", value = "auto"), @Option(label = "csi (camera module)", value = "csi"),
                    @Option(label = "v4l2 (USB webcam)", value = "v4l2"), @Option(label = "rtsp", value = "rtsp"),
                    @Option(label = "http-mjpeg", value = "http-mjpeg"), @Option(label = "file", value = "file") })
    String source() default "auto";

    @AttributeDefinition(name = "URL", description = "csi: camera index 0..9 or empty (0). v4l2: device such as"
            + " /dev/video0. rtsp: rtsp://host:554/path. http-mjpeg: http://host/video.mjpg. file and auto: an MJPEG"
            + " .avi, a .jpg/.jpeg/.png image or a folder of them, relative to the working directory. Put the"
            + " password in the Password field, not in the URL.")
    String url() default DEFAULT_URL;

    @AttributeDefinition(name = "User name", description = "User name of a network camera; empty for none.")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD,
            description = "Password of a network camera. Never logged or shown by the API.")
    String password() default "";

    @AttributeDefinition(name = "Width", description = "Frame width, pixels, 16..4096; 0 = 640 for csi/v4l2, the"
            + " stream's own size for network cameras (files are never scaled). csi: a multiple of 64.",
            min = "0", max = "4096")
    int width() default 0;

    @AttributeDefinition(name = "Height", description = "Frame height, pixels, 16..4096; 0 together with width"
            + " (480 for csi/v4l2).", min = "0", max = "4096")
    int height() default 0;

    @AttributeDefinition(name = "Frames per second", description = "Rate frames are delivered at, 0.1..120 fps."
            + " Cameras: the capture rate; network: at most this many (extra frames dropped, never duplicated);"
            + " files: the playback rate. 0 = the source's own rate.", min = "0", max = "120")
    double fps() default 0;

    @AttributeDefinition(name = "Loop", description = "file: start again at the first frame after the last one.")
    boolean loop() default true;

    @AttributeDefinition(name = "Detection width", description = "Width detection frames are scaled to on the"
            + " capture thread (bilinear), pixels, 16..4096; set the model's input size (300 for the COCO SSD)"
            + " to keep resizing off the inference thread. 0 = not scaled (the detector resizes).",
            min = "0", max = "4096")
    int detect_width() default 0;

    @AttributeDefinition(name = "Detection height", description = "Height of detection frames, pixels; 0 together"
            + " with the detection width.", min = "0", max = "4096")
    int detect_height() default 0;

    @AttributeDefinition(name = "USB pixel format", description = "v4l2: mjpeg (most webcams above 640x480),"
            + " yuyv (uncompressed), or auto (the driver's default).",
            options = { @Option(label = "mjpeg", value = "mjpeg"), @Option(label = "yuyv", value = "yuyv"),
                    @Option(label = "auto", value = "auto") })
    String v4l2_format() default "mjpeg";

    @AttributeDefinition(name = "Stall time (ms)", description = "A camera that delivers no frame for this long is"
            + " declared STALLED and restarted, ms, 500..600000. A new connection gets twice this, at least 10 s,"
            + " for its first frame.", min = "500", max = "600000")
    long stall_ms() default 5_000;

    @AttributeDefinition(name = "Longest retry delay (ms)", description = "Restarts back off exponentially from"
            + " 1 s (doubling) up to this delay, ms, 100..600000.", min = "100", max = "600000")
    long retry_max_ms() default 30_000;
}
