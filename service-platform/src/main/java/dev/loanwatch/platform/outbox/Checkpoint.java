package dev.loanwatch.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a committed batch did to the outbox: the ids it completed, as ranges ("1-5000,5003"),
 * so a checkpoint stays small however large the batch, and the cursor of a snapshot being
 * streamed ("…;cursor=42:L0001234").
 */
record Checkpoint(List<Long> ids, OutboxStore.Cursor cursor) {
    byte[] encode() {
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            sb.append(sb.length() == 0 ? "" : ",").append(sorted.get(i));
            if (j > i) {
                sb.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        if (cursor != null) {
            sb.append(";cursor=").append(cursor.outboxId()).append(':').append(cursor.lastKey());
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Checkpoint decode(byte[] value) {
        String s = new String(value, StandardCharsets.UTF_8);
        OutboxStore.Cursor cursor = null;
        int c = s.indexOf(";cursor=");
        if (c >= 0) {
            String spec = s.substring(c + ";cursor=".length());
            int colon = spec.indexOf(':');
            cursor = new OutboxStore.Cursor(Long.parseLong(spec.substring(0, colon)), spec.substring(colon + 1));
            s = s.substring(0, c);
        }
        List<Long> ids = new ArrayList<>();
        if (!s.isEmpty()) {
            for (String part : s.split(",")) {
                int dash = part.indexOf('-');
                if (dash < 0) {
                    ids.add(Long.parseLong(part));
                } else {
                    for (long v = Long.parseLong(part.substring(0, dash)); v <= Long.parseLong(part.substring(dash + 1)); v++) {
                        ids.add(v);
                    }
                }
            }
        }
        return new Checkpoint(ids, cursor);
    }
}
