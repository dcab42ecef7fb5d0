-- Classified documents refused at intake (code 77). The packet itself is never stored: a row keeps only
-- who sent what to whom (metadata, no subject, no content) and the finding (which mark, where).
--
-- The refusal is also a record of the tamper-evident log (events, type REFUSED_CLASSIFIED); such an event
-- belongs to no document, so events.document_id may now be null (its detail names the refusal's id).

CREATE TABLE refusals (
    id                 VARCHAR(40)              NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    reason             VARCHAR(16)              NOT NULL,
    error_code         VARCHAR(4)               NOT NULL,
    sender_system      VARCHAR(64)              NOT NULL,
    channel            VARCHAR(16),
    from_code          VARCHAR(64),
    to_codes           VARCHAR(2000),
    edxml_document_id  VARCHAR(255),
    code_number        VARCHAR(64),
    code_notation      VARCHAR(255),
    received_sha256    CHAR(64),
    received_size      BIGINT,
    mark               VARCHAR(16)              NOT NULL,
    found_in           VARCHAR(1000)            NOT NULL,
    CONSTRAINT pk_refusals PRIMARY KEY (id),
    CONSTRAINT ck_refusals_reason CHECK (reason IN ('CLASSIFIED')),
    CONSTRAINT ck_refusals_mark CHECK (mark IN ('TUYET_MAT', 'TOI_MAT', 'MAT'))
);

CREATE INDEX ix_refusals_created ON refusals (created_at);

ALTER TABLE events ALTER COLUMN document_id DROP NOT NULL;
