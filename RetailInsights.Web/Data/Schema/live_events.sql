-- Live point-of-sale events (see Live/): their ids per source system, so a retried request changes nothing; kept as
-- long as the minutes.
CREATE TABLE live_events (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    retailer_id integer NOT NULL, kind char(1) NOT NULL CHECK (kind IN ('s', 'r')), event_id varchar(64) COLLATE "C" NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(), occurred_at timestamp without time zone NOT NULL,
    invoice varchar(64) COLLATE "C", product_id integer NOT NULL, store_id integer NOT NULL, customer_id integer,
    amount numeric(18,3) NOT NULL, reason text, is_late boolean NOT NULL,
    UNIQUE (retailer_id, kind, event_id));
CREATE INDEX ix_live_events_received_at ON live_events (received_at);
CREATE INDEX ix_live_events_refunds ON live_events (seq) WHERE kind = 'r';
CREATE INDEX ix_live_events_source_received ON live_events (retailer_id, received_at);
