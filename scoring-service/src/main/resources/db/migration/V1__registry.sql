-- scoring-service's model registry: every version uploaded (its ONNX file and model card, as the
-- trainer wrote them), which one is active, and who did what when. Rows are never deleted.
create table model_version (
    id           bigserial primary key,
    name         text not null,
    version      text not null,
    kind         text not null,              -- the card's kind: scorecard | gbdt
    onnx         bytea not null,
    card         text not null,              -- the model card, JSON as uploaded
    sha256       text not null,              -- of the ONNX file
    status       text not null,              -- REGISTERED | ACTIVE | RETIRED (ModelStatus)
    uploaded_by  text not null,
    uploaded_at  timestamptz not null,
    activated_at timestamptz,
    unique (name, version)
);
-- one champion at a time
create unique index model_version_one_active on model_version ((true)) where status = 'ACTIVE';

-- who uploaded, activated or rolled back which version (service-platform's AuditEntryEntity)
create table audit_entry (
    id       bigserial primary key,
    at       timestamptz not null,
    actor    text not null,
    action   text not null,                  -- UPLOADED | ACTIVATED | ROLLED_BACK
    subject  text not null,                  -- "model NAME VERSION"
    detail   text
);
create index audit_entry_subject on audit_entry (subject, at);
