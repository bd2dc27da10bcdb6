-- Live revenue per minute and store for the Live page; rolled up to live_store_hours after a week.
CREATE TABLE live_store_minutes (
    minute timestamp without time zone NOT NULL, store_id integer NOT NULL, retailer_id integer NOT NULL,
    revenue numeric(18,3) NOT NULL, transactions bigint NOT NULL, refunds numeric(18,3) NOT NULL,
    PRIMARY KEY (minute, store_id, retailer_id));
