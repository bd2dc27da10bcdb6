-- Live revenue per hour and store: live_store_minutes older than a week, rolled up.
CREATE TABLE live_store_hours (
    hour timestamp without time zone NOT NULL, store_id integer NOT NULL, retailer_id integer NOT NULL,
    revenue numeric(18,3) NOT NULL, transactions bigint NOT NULL, refunds numeric(18,3) NOT NULL,
    PRIMARY KEY (hour, store_id, retailer_id));
