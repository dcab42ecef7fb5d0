-- Per-system request security (issue 10, point 2).
--   strict_requests: the system's VDXP requests must carry a fresh signed timestamp and the operation, and no
--                    signed request is accepted twice (for clients that can comply: the gateway's CLI, VdxpClient).
--   allowed_sources: when set, the addresses (comma-separated IPs or CIDR ranges) the system may call from.
ALTER TABLE systems ADD COLUMN strict_requests BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE systems ADD COLUMN allowed_sources VARCHAR(2000);

-- The signed requests of strict systems seen within the freshness window, shared by every node. A row can go
-- once expires_at has passed: a request that old is refused by its timestamp anyway.
CREATE TABLE request_replay_guard (
    system_id     VARCHAR(64)              NOT NULL,
    request_hmac  VARCHAR(128)             NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_request_replay_guard PRIMARY KEY (system_id, request_hmac)
);
CREATE INDEX ix_request_replay_guard_expires ON request_replay_guard (expires_at);
