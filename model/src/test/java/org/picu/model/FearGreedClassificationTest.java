package org.picu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FearGreedClassificationTest {

    @ParameterizedTest
    @CsvSource({"0,Extreme Fear", "25,Extreme Fear", "26,Fear", "45,Fear", "46,Neutral", "55,Neutral",
        "56,Greed", "75,Greed", "76,Extreme Greed", "100,Extreme Greed"})
    void one_table_with_inclusive_upper_bounds(int value, String label) {
        assertEquals(label, FearGreedClassification.of(value));
    }

    @ParameterizedTest
    @CsvSource({"-1", "101"})
    void values_outside_the_scale_are_errors(int value) {
        assertThrows(IllegalArgumentException.class, () -> FearGreedClassification.of(value));
    }
}
