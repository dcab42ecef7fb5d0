-- The agency directory: who exists, how they receive, and which systems may act for them.
--
-- Runs unchanged on H2 (MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE) and on PostgreSQL: keep to types and
-- syntax both understand (varchar, boolean, timestamp with time zone, CHECK ... IN, named constraints).
-- Enumerations are varchar + CHECK rather than database enum types, so that adding a value later is a
-- plain constraint change in a new migration.

CREATE TABLE agencies (
    code              VARCHAR(32)              NOT NULL,
    name              VARCHAR(255)             NOT NULL,
    side              VARCHAR(8)               NOT NULL,
    delivery_mode     VARCHAR(16)              DEFAULT 'PULL' NOT NULL,
    push_endpoint     VARCHAR(1024),
    signature_policy  VARCHAR(16)              DEFAULT 'IF_PRESENT' NOT NULL,
    enabled           BOOLEAN                  DEFAULT TRUE NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_agencies PRIMARY KEY (code),
    CONSTRAINT ck_agencies_side CHECK (side IN ('PARTY', 'STATE')),
    CONSTRAINT ck_agencies_delivery_mode CHECK (delivery_mode IN ('PULL', 'PUSH_SOAP', 'PUSH_REST')),
    CONSTRAINT ck_agencies_signature_policy CHECK (signature_policy IN ('REQUIRED', 'IF_PRESENT', 'IGNORE')),
    -- a pushed-to agency needs somewhere to push to
    CONSTRAINT ck_agencies_push_endpoint CHECK (delivery_mode = 'PULL' OR push_endpoint IS NOT NULL)
);

-- A document system (QLVB) that calls the gateway. The secret is the HMAC key of the VDXP-style API,
-- so it is stored as the system was given it (it cannot be a one-way hash).
CREATE TABLE systems (
    system_id          VARCHAR(64)              NOT NULL,
    name               VARCHAR(255)             NOT NULL,
    secret             VARCHAR(255)             NOT NULL,
    enabled            BOOLEAN                  DEFAULT TRUE NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    secret_rotated_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_systems PRIMARY KEY (system_id)
);

-- Which agencies a system may act for (send as, receive for).
CREATE TABLE system_agency (
    system_id    VARCHAR(64) NOT NULL,
    agency_code  VARCHAR(32) NOT NULL,
    CONSTRAINT pk_system_agency PRIMARY KEY (system_id, agency_code),
    CONSTRAINT fk_system_agency_system FOREIGN KEY (system_id) REFERENCES systems (system_id) ON DELETE CASCADE,
    CONSTRAINT fk_system_agency_agency FOREIGN KEY (agency_code) REFERENCES agencies (code)
);

CREATE INDEX ix_system_agency_agency ON system_agency (agency_code);
