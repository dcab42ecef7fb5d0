-- The hash chain is appended in batches, after the events' own transactions: an event is inserted with
-- chain_pending = TRUE (no seq yet) and the chain writer of whichever node holds the chain head's row lock
-- gives it its seq, prev_hash and hash in id order. Rows inserted without it (older events, plain SQL) stay
-- outside the chain, as events without a seq always were.
ALTER TABLE events ADD COLUMN chain_pending BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_events_chain_pending ON events (chain_pending, id);
