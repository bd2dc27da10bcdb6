-- Live revenue per minute, store and product for the Live page; rolled up to live_hours after a week.
CREATE TABLE live_minutes (
    minute timestamp without time zone NOT NULL, store_id integer NOT NULL, product_id integer NOT NULL, retailer_id integer NOT NULL,
    revenue numeric(18,3) NOT NULL, lines bigint NOT NULL, refunds numeric(18,3) NOT NULL,
    PRIMARY KEY (minute, store_id, product_id, retailer_id));
