package dev.loanwatch.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    @Test
    void idsTravelAsRanges() {
        Checkpoint c = new Checkpoint(List.of(7L, 1L, 2L, 3L, 5L), null);
        assertEquals("1-3,5,7", new String(c.encode(), StandardCharsets.UTF_8));
        assertEquals(List.of(1L, 2L, 3L, 5L, 7L), Checkpoint.decode(c.encode()).ids());
        assertNull(Checkpoint.decode(c.encode()).cursor());
    }

    @Test
    void aCursorSurvivesKeysWithSeparators() {
        Checkpoint c = new Checkpoint(List.of(), new OutboxStore.Cursor(42, "L:00,12-3"));
        Checkpoint back = Checkpoint.decode(c.encode());
        assertEquals(List.of(), back.ids());
        assertEquals(new OutboxStore.Cursor(42, "L:00,12-3"), back.cursor());
    }

    @Test
    void emptyIsEmpty() {
        assertEquals(List.of(), Checkpoint.decode(new Checkpoint(List.of(), null).encode()).ids());
    }
}
