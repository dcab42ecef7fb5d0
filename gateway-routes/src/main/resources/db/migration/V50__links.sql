-- Links to other VDXP-compatible axes (the national axis, another province's gateway, a Party-side axis):
-- this gateway is a client of each, with the system id and secret that axis gave it. Runs unchanged on H2
-- (PostgreSQL mode) and PostgreSQL.

CREATE TABLE links (
    id                         VARCHAR(48)              NOT NULL,
    name                       VARCHAR(255)             NOT NULL,
    endpoint                   VARCHAR(1024)            NOT NULL,
    system_id                  VARCHAR(64)              NOT NULL,
    secret                     VARCHAR(255)             NOT NULL,
    -- optional TLS client certificate: a PKCS#12 file on this node and its password
    client_keystore            VARCHAR(1024),
    client_keystore_password   VARCHAR(255),
    enabled                    BOOLEAN                  DEFAULT TRUE NOT NULL,
    -- its state, as the forwarder and the poller last found it
    last_success_at            TIMESTAMP WITH TIME ZONE,
    failing_since              TIMESTAMP WITH TIME ZONE,
    last_error                 VARCHAR(2000),
    -- the node that polls a link's inbox holds the cluster lease 'link-poll:<id>' (cluster_leases)
    last_polled_at             TIMESTAMP WITH TIME ZONE,
    created_at                 TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_links PRIMARY KEY (id)
);

-- An agency is local (its system is registered here: PULL or PUSH_*) or reachable through a link (LINK).
ALTER TABLE agencies ADD COLUMN link_id VARCHAR(48);
ALTER TABLE agencies ADD CONSTRAINT fk_agencies_link FOREIGN KEY (link_id) REFERENCES links (id);
ALTER TABLE agencies DROP CONSTRAINT ck_agencies_delivery_mode;
ALTER TABLE agencies ADD CONSTRAINT ck_agencies_delivery_mode
    CHECK (delivery_mode IN ('PULL', 'PUSH_SOAP', 'PUSH_REST', 'LINK'));
ALTER TABLE agencies DROP CONSTRAINT ck_agencies_push_endpoint;
ALTER TABLE agencies ADD CONSTRAINT ck_agencies_push_endpoint
    CHECK (delivery_mode IN ('PULL', 'LINK') OR push_endpoint IS NOT NULL);
ALTER TABLE agencies ADD CONSTRAINT ck_agencies_link
    CHECK ((delivery_mode = 'LINK' AND link_id IS NOT NULL) OR (delivery_mode <> 'LINK' AND link_id IS NULL));
CREATE INDEX ix_agencies_link ON agencies (link_id);

ALTER TABLE deliveries DROP CONSTRAINT ck_deliveries_mode;
ALTER TABLE deliveries ADD CONSTRAINT ck_deliveries_mode CHECK (mode IN ('PULL', 'PUSH_SOAP', 'PUSH_REST', 'LINK'));

-- One hand-off of a packet to a link: once per (document, link), whatever the number of its recipients there;
-- remote_doc_id is the DocId the linked axis answered.
CREATE TABLE link_transfers (
    document_id    VARCHAR(40)              NOT NULL,
    link_id        VARCHAR(48)              NOT NULL,
    remote_doc_id  VARCHAR(128)             NOT NULL,
    sent_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_link_transfers PRIMARY KEY (document_id, link_id),
    CONSTRAINT fk_link_transfers_document FOREIGN KEY (document_id) REFERENCES documents (id),
    CONSTRAINT fk_link_transfers_link FOREIGN KEY (link_id) REFERENCES links (id)
);

-- Each packet taken from a link's inbox: accepted (with the document it became) or refused (with the code
-- and reason answered to the link as "fail"), for operators.
CREATE TABLE link_receipts (
    link_id        VARCHAR(48)              NOT NULL,
    remote_doc_id  VARCHAR(128)             NOT NULL,
    message_type   VARCHAR(8)               NOT NULL,
    document_id    VARCHAR(40),
    error_code     VARCHAR(4),
    reason         VARCHAR(2000),
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_link_receipts PRIMARY KEY (link_id, remote_doc_id),
    CONSTRAINT fk_link_receipts_link FOREIGN KEY (link_id) REFERENCES links (id)
);

CREATE INDEX ix_link_receipts_time ON link_receipts (link_id, received_at);
