package dev.loanwatch.platform.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Who did what, when (audit_entry): written in the transaction of the change it records, in the
 * services where people change records (Hibernate Reactive with Panache). Each such service creates
 * the table in its own schema:
 * <pre>
 * create table audit_entry (id bigserial primary key, at timestamptz not null, actor text not null,
 *     action text not null, subject text not null, detail text);
 * </pre>
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant at;
    public String actor;
    public String action;
    public String subject;
    public String detail;

    public static AuditEntryEntity of(String actor, String action, String subject, String detail) {
        AuditEntryEntity e = new AuditEntryEntity();
        e.at = Instant.now();
        e.actor = actor;
        e.action = action;
        e.subject = subject;
        e.detail = detail;
        return e;
    }
}
