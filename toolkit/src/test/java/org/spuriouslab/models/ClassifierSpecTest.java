package org.spuriouslab.models;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifierSpecTest {

    @Test
    void mlpDefaults() {
        ClassifierSpec s = ClassifierSpec.mlp().build();
        assertEquals(Architecture.MLP, s.architecture());
        assertEquals(List.of(256, 256, 256), s.hidden());
        assertEquals(List.of(), s.channels());
        assertEquals(10, s.numClasses());
        assertEquals(5, s.epochs());
        assertEquals(128, s.batchSize());
        assertEquals(1e-3, s.learningRate());
        assertEquals(42, s.seed());
        assertEquals(0, s.earlyStopPatience());
        assertEquals(0.1, s.validationShare());
        assertEquals(256, s.featureDim());
    }

    @Test
    void cnnDefaults() {
        ClassifierSpec s = ClassifierSpec.cnn().build();
        assertEquals(List.of(16, 32), s.channels());
        assertEquals(List.of(128), s.hidden());
        assertEquals(128, s.featureDim());
    }

    @Test
    void toStringIsStableAndNamesEveryField() {
        ClassifierSpec s = ClassifierSpec.mlp().hidden(64, 32).epochs(3).seed(7).earlyStopPatience(2).build();
        assertEquals("ClassifierSpec[architecture=MLP, hidden=[64,32], channels=[], numClasses=10, epochs=3, "
                + "batchSize=128, learningRate=0.001, seed=7, earlyStopPatience=2, validationShare=0.1]", s.toString());
        assertEquals(s.toString(), ClassifierSpec.mlp().hidden(64, 32).epochs(3).seed(7).earlyStopPatience(2).build()
                .toString());
        assertEquals(s, s.toBuilder().build());
        assertNotEquals(s.toString(), s.toBuilder().learningRate(0.002).build().toString());
        assertNotEquals(s.toString(), s.toBuilder().validationShare(0.2).build().toString());
    }

    @Test
    void invalidSettingsSayWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassifierSpec.mlp().epochs(0).build());
        assertTrue(e.getMessage().contains("epochs must be in 1..10000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassifierSpec.mlp().hidden().build());
        assertThrows(IllegalArgumentException.class, () -> ClassifierSpec.mlp().hidden(10, 0).build());
        assertThrows(IllegalArgumentException.class, () -> ClassifierSpec.mlp().numClasses(1).build());
        assertThrows(IllegalArgumentException.class, () -> ClassifierSpec.mlp().batchSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> ClassifierSpec.mlp().learningRate(0).build());
        assertThrows(IllegalArgumentException.class, () -> ClassifierSpec.mlp().learningRate(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> ClassifierSpec.mlp().earlyStopPatience(-1).build());
        assertThrows(IllegalArgumentException.class, () -> ClassifierSpec.mlp().validationShare(0).build());
        assertThrows(IllegalArgumentException.class, () -> ClassifierSpec.mlp().validationShare(0.6).build());
        assertThrows(IllegalArgumentException.class, () -> ClassifierSpec.mlp().channels(8).build());
        assertThrows(IllegalArgumentException.class, () -> ClassifierSpec.cnn().channels().build());
    }

    @Test
    void vaeSpecDefaultsAndValidation() {
        VaeSpec v = VaeSpec.builder().build();
        assertEquals(400, v.hidden());
        assertEquals(20, v.latent());
        assertEquals(1.0, v.beta());
        assertEquals(10, v.epochs());
        assertEquals(128, v.batchSize());
        assertEquals(1e-3, v.learningRate());
        assertEquals(42, v.seed());
        assertEquals("VaeSpec[hidden=400, latent=20, beta=1.0, epochs=10, batchSize=128, learningRate=0.001, seed=42]",
                v.toString());
        assertEquals(v, v.toBuilder().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VaeSpec.builder().latent(0).build());
        assertTrue(e.getMessage().contains("latent must be in 1..4096"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VaeSpec.builder().beta(-1).build());
        assertThrows(IllegalArgumentException.class, () -> VaeSpec.builder().hidden(0).build());
    }
}
