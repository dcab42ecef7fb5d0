-- Several gateway nodes on one database. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
--
-- cluster_leases: each periodic task (sweeper, evidence repair, chain-head signing, alert webhook) runs on
-- the node that holds its lease; a node takes a lease that is free or expired with one conditional UPDATE,
-- and renews it every time it runs. A dead node's leases expire, and another node takes them over.
CREATE TABLE cluster_leases (
    name        VARCHAR(64)              NOT NULL,
    holder      VARCHAR(200)             NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cluster_leases PRIMARY KEY (name)
);

-- A push in progress: the node (and until when) that is pushing this delivery, so that two consumers, on
-- one node or two, never push the same delivery at the same time.
ALTER TABLE deliveries ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE deliveries ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;

-- Alerts already posted to the webhook (by any node): each is posted once.
CREATE TABLE alerts_announced (
    alert_key     VARCHAR(300)             NOT NULL,
    announced_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_alerts_announced PRIMARY KEY (alert_key)
);
