package dev.reason4j.grpo.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.Reason4jException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradientsTest {
    private NDManager manager;
    private Map<String, NDArray> params;

    /** Gradients (3, 4) and (12): global norm √(9 + 16 + 144) = 13. */
    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager(Device.cpu());
        params = new LinkedHashMap<>();
        params.put("a", TestTensors.parameter(manager, DataType.FLOAT64, new double[] {1, 1}, 2));
        params.put("b", TestTensors.parameter(manager, DataType.FLOAT64, new double[] {1}, 1));
        TestTensors.setGradients(params, Map.of("a", new double[] {3, 4}, "b", new double[] {12}));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void globalNormIsTheRootOfTheSumOfSquaresOverAllTensors() {
        assertEquals(13.0, Gradients.globalNorm(params), 0.0);
    }

    @Test
    void clippingScalesEveryGradientByMaxNormOverNormPlusEpsilonAndReturnsThePreClipNorm() {
        double norm = Gradients.clipGlobalNorm(params, 6.5);
        assertEquals(13.0, norm, 0.0);
        double c = 6.5 / (13 + 1e-6); // just under 1/2
        assertArrayEquals(new double[] {3 * c, 4 * c}, TestTensors.gradient(params.get("a")), 1e-15);
        assertArrayEquals(new double[] {12 * c}, TestTensors.gradient(params.get("b")), 1e-15);
        assertEquals(6.5, Gradients.globalNorm(params), 1e-6, "the clipped norm is maxNorm");
    }

    @Test
    void clippingLeavesGradientsAloneWhenTheNormIsWithinTheMax() {
        assertEquals(13.0, Gradients.clipGlobalNorm(params, 20), 0.0);
        assertArrayEquals(new double[] {3, 4}, TestTensors.gradient(params.get("a")), 0.0);
        assertArrayEquals(new double[] {12}, TestTensors.gradient(params.get("b")), 0.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
    void aNonFiniteNormIsReportedAndNothingIsScaled(double bad) {
        TestTensors.setGradients(params, Map.of("a", new double[] {3, bad}, "b", new double[] {12}));
        double norm = Gradients.clipGlobalNorm(params, 1.0);
        assertTrue(Double.isNaN(bad) ? Double.isNaN(norm) : norm == Double.POSITIVE_INFINITY, "norm " + norm);
        assertArrayEquals(new double[] {12}, TestTensors.gradient(params.get("b")), 0.0, "untouched");
    }

    @Test
    void gradientsAccumulateAcrossBackwardPassesUntilZeroed() {
        Map<String, NDArray> a = Map.of("a", params.get("a"));
        TestTensors.setGradients(a, Map.of("a", new double[] {3, 4}));
        accumulate(a, new double[] {1, 2});
        assertArrayEquals(new double[] {4, 6}, TestTensors.gradient(params.get("a")), 0.0);
        Gradients.zero(a);
        assertArrayEquals(new double[] {0, 0}, TestTensors.gradient(params.get("a")), 0.0);
        accumulate(a, new double[] {1, 2});
        assertArrayEquals(new double[] {1, 2}, TestTensors.gradient(params.get("a")), 0.0);
    }

    @Test
    void zeroingClearsNaNAndInfinityToo() {
        TestTensors.setGradients(params, Map.of("a", new double[] {Double.NaN, Double.NEGATIVE_INFINITY}, "b", new double[] {7}));
        Gradients.zero(params);
        assertArrayEquals(new double[] {0, 0}, TestTensors.gradient(params.get("a")), 0.0);
        assertArrayEquals(new double[] {0}, TestTensors.gradient(params.get("b")), 0.0);
        assertEquals(0.0, Gradients.globalNorm(params), 0.0);
    }

    @Test
    void aMaxNormThatIsNotPositiveIsRejected() {
        Reason4jException e = assertThrows(Reason4jException.class, () -> Gradients.clipGlobalNorm(params, 0));
        assertTrue(e.getMessage().contains("max gradient norm"), e.getMessage());
    }

    /** One more backward of Σ p·c on top of the current gradients (no zeroing). */
    private static void accumulate(Map<String, NDArray> p, double[] c) {
        NDArray param = p.get("a");
        try (NDManager m = param.getManager().newSubManager();
             ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            gc.backward(param.mul(m.create(c, param.getShape())).sum());
        }
    }
}
