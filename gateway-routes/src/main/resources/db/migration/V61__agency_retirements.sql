-- Agency codes that change (QĐ 09/2025/QĐ-TTg amending QĐ 20/2020: merged provinces keep one code, the
-- others close). A retired code stays in the directory, for the documents it sent and received, with the
-- agency that succeeds it. Documents addressed to it go to the successor (FORWARD) or are refused with code
-- 75 naming the successor (REFUSE); null follows gateway.directory.retired-recipients. It can no longer send.
-- A successor is never itself retired: retiring it moves its predecessors on to its own successor.

CREATE TABLE agency_retirements (
    code            VARCHAR(32)              NOT NULL,
    successor_code  VARCHAR(32)              NOT NULL,
    on_document     VARCHAR(16),
    note            VARCHAR(500),
    retired_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_agency_retirements PRIMARY KEY (code),
    CONSTRAINT fk_agency_retirements_code FOREIGN KEY (code) REFERENCES agencies (code),
    CONSTRAINT fk_agency_retirements_successor FOREIGN KEY (successor_code) REFERENCES agencies (code),
    CONSTRAINT ck_agency_retirements_not_self CHECK (code <> successor_code),
    CONSTRAINT ck_agency_retirements_on_document CHECK (on_document IN ('FORWARD', 'REFUSE'))
);

CREATE INDEX ix_agency_retirements_successor ON agency_retirements (successor_code);
