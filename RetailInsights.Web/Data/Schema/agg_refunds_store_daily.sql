-- Refunds by day and store: the refund totals of a view that names no category or product (the Stores page, the
-- Overview's KPIs, the Refunds page's days and stores) read one row per store-day.
CREATE TABLE agg_refunds_store_daily (
    date_key integer NOT NULL, store_id integer NOT NULL, retailer_id integer NOT NULL,
    refunds bigint NOT NULL, quantity bigint NOT NULL, amount numeric(18,3) NOT NULL,
    PRIMARY KEY (date_key, store_id, retailer_id));
