package dev.loanwatch.platform.app;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** The test service's record, edited with Hibernate Reactive Panache as the later services' records are. */
@Entity
public class Note extends PanacheEntityBase {
    @Id
    public UUID id;
    public String text;

    public static Note of(UUID id, String text) {
        Note n = new Note();
        n.id = id;
        n.text = text;
        return n;
    }
}
