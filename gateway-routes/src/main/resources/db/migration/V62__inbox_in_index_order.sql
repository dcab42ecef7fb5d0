-- An inbox list reads each agency's waiting deliveries in the order it answers them (priority first, then the
-- oldest) straight from this index and stops at its limit, instead of reading and sorting every waiting row.
-- It starts with the same columns as the two indexes it replaces, so it serves what they did; with two of
-- them the planner chose the other one and sorted the whole backlog, and every state change wrote both.
DROP INDEX ix_deliveries_inbox;
DROP INDEX ix_deliveries_recipient_state;
CREATE INDEX ix_deliveries_inbox ON deliveries (recipient_code, state, priority DESC, created_at, id);
