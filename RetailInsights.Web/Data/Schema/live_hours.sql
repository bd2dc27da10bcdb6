-- Live revenue per hour, store and product: live_minutes older than a week, rolled up.
CREATE TABLE live_hours (
    hour timestamp without time zone NOT NULL, store_id integer NOT NULL, product_id integer NOT NULL, retailer_id integer NOT NULL,
    revenue numeric(18,3) NOT NULL, lines bigint NOT NULL, refunds numeric(18,3) NOT NULL,
    PRIMARY KEY (hour, store_id, product_id, retailer_id));
