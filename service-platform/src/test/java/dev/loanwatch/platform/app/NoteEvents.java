package dev.loanwatch.platform.app;

import dev.loanwatch.platform.outbox.OutboxRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The test service's rendered events: "NoteRendered" (one event: the note's text, read when
 * published) and "NoteCountdown" (one row standing for as many events as its key says, streamed).
 */
@ApplicationScoped
public class NoteEvents implements OutboxRenderer {
    public static final String RENDERED = "NoteRendered";
    public static final String COUNTDOWN = "NoteCountdown";

    @Override
    public boolean streams(String eventType) {
        return COUNTDOWN.equals(eventType);
    }

    @Override
    public Map<Long, byte[]> render(Connection c, List<Row> rows) throws SQLException {
        Map<Long, byte[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select text from note where id = ?")) {
            for (Row r : rows) {
                ps.setObject(1, UUID.fromString(r.key()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.put(r.id(), rs.getString("text").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    @Override
    public Page stream(Connection c, Row row, String afterKey, int limit) throws SQLException {
        List<Rendered> out = new ArrayList<>();
        String last = afterKey;
        try (PreparedStatement ps = c.prepareStatement("select lpad(n::text, 6, '0') as k from generate_series(1, ?) n "
                + "where lpad(n::text, 6, '0') > ? order by 1 limit ?")) {
            ps.setInt(1, Integer.parseInt(row.key()));
            ps.setString(2, afterKey);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String k = rs.getString("k");
                    UUID id = UUID.nameUUIDFromBytes((row.eventId() + "|" + k).getBytes(StandardCharsets.UTF_8));
                    out.add(new Rendered(id, row.key() + "/" + k, k.getBytes(StandardCharsets.UTF_8)));
                    last = k;
                }
            }
        }
        return new Page(out, out.size() < limit ? null : last);
    }
}
