package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageTest {

    @ParameterizedTest
    @CsvSource({"C, CURRENT", "M1, EARLY", "M2, MIDDLE", "M3, MIDDLE", "M4, LATE", "M5, LATE", "M6, LATE", "M7_PLUS, LATE"})
    void stageOfBucket(Bucket bucket, Stage expected) {
        assertEquals(expected, Stage.of(bucket));
    }
}
