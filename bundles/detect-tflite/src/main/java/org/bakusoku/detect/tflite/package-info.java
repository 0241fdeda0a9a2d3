/**
 * TensorFlow Lite detector core in plain Java: model loading and validation, input preprocessing,
 * output decoding. Private to this bundle (not exported); the OSGi service lives in {@code .internal}.
 */
package org.bakusoku.detect.tflite;
