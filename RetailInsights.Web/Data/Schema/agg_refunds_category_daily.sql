-- Refunds by day, store, category and reason: what the pages' refund totals read, a third of the rows of
-- agg_refunds_daily (which keeps the product).
CREATE TABLE agg_refunds_category_daily (
    date_key integer NOT NULL, store_id integer NOT NULL, retailer_id integer NOT NULL, category text NOT NULL,
    reason text NOT NULL, refunds bigint NOT NULL, quantity bigint NOT NULL, amount numeric(18,3) NOT NULL,
    PRIMARY KEY (date_key, store_id, retailer_id, category, reason));
